package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.loomflux.domain.prices.PriceTick;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.SseClient;
import dev.loomflux.testsupport.SseClient.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price stream contract, run unchanged against both services: one {@code price} event
 * per requested product per second, in the requested order, whose data is exactly the
 * shared price function's tick for that product and second; bad requests are problem
 * details before any stream starts.
 */
@ServiceTest
public abstract class PriceStreamContract {

	/** Generous: ticks come every second; this only bounds a broken stream. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
	}

	@Test
	void shouldSendOnePriceEventPerProductEverySecondInRequestOrder() {
		List<Event> events;
		try (SseClient stream = SseClient.open(this.port, "/api/prices/stream?ids=3,1")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			events = stream.read(4, READ_TIMEOUT);
		}

		assertThat(events).extracting(Event::name).containsExactly("price", "price", "price", "price");
		List<PriceTick> ticks = events.stream().map((event) -> JSON.readValue(event.data(), PriceTick.class)).toList();
		assertThat(ticks).extracting(PriceTick::productId).containsExactly(3L, 1L, 3L, 1L);
		long first = Instant.parse(ticks.get(0).at()).getEpochSecond();
		assertThat(ticks).extracting(PriceTick::at).containsExactly(at(first), at(first), at(first + 1), at(first + 1));
		assertThat(events).extracting(Event::data)
			.containsExactly(data(3, first), data(1, first), data(3, first + 1), data(1, first + 1));
	}

	@Test
	void shouldStampTicksOnSecondBoundariesNearNow() {
		List<Event> events;
		try (SseClient stream = SseClient.open(this.port, "/api/prices/stream?ids=9")) {
			events = stream.read(1, READ_TIMEOUT);
		}

		Instant at = Instant.parse(JSON.readValue(events.get(0).data(), PriceTick.class).at());
		assertThat(at.getNano()).isZero();
		assertThat(Duration.between(at, Instant.now()).abs()).isLessThan(READ_TIMEOUT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "?ids=", "?ids=abc", "?ids=0", "?ids=1,,2", "?ids=1,1", "?ids=1%202",
			"?ids=9223372036854775808",
			"?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51" })
	void shouldReturn400ForInvalidIds(String query) {
		Reply reply = get("/api/prices/stream" + query);

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("ids");
	}

	@Test
	void shouldReturn404BeforeStreamingWhenAProductIsUnknown() {
		Reply reply = get("/api/prices/stream?ids=1,10001,10002");

		assertProblem(reply, 404, "PRODUCT_NOT_FOUND");
		assertThat(reply.json().get("detail").asString()).isEqualTo("Product 10001 does not exist.");
	}

	private Reply get(String path) {
		Reply reply = this.api.send(this.api.request(path).header("Accept", "text/event-stream").GET());
		OpenApiContract.assertConforms("GET", path, reply);
		return reply;
	}

	private static String at(long epochSecond) {
		return Instant.ofEpochSecond(epochSecond).toString();
	}

	private static String data(long productId, long epochSecond) {
		return JSON.writeValueAsString(PriceTick.of(productId, epochSecond));
	}

}
