package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.List;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.SseClient;
import dev.loomflux.testsupport.SseClient.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrency caps and the stream pace are configuration, the same keys in both
 * services: over a cap the answer is 503 {@code OVERLOADED} with {@code Retry-After} at
 * once, and the heartbeat follows {@code bff.prices.heartbeat}.
 */
@ServiceTest
@TestPropertySource(
		properties = { "bff.insights.max-concurrent=0", "bff.prices.max-streams=1", "bff.prices.heartbeat=1s" })
public abstract class LimitsContract {

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
	}

	@Test
	void shouldReturn503WithRetryAfterWhenNoSimulationMayRun() {
		Reply reply = this.api.get("/api/products/1/insights");

		assertOverloaded(reply);
		OpenApiContract.assertConforms("GET", "/api/products/1/insights", reply);
	}

	@Test
	void shouldStillValidateAndLookUpBeforeTheLimit() {
		assertThat(this.api.get("/api/products/1/insights?paths=0").status()).isEqualTo(400);
		assertThat(this.api.get("/api/products/10001/insights").status()).isEqualTo(404);
	}

	@Test
	void shouldReturn503WithRetryAfterForAStreamBeyondTheCapAndHeartbeatTheOpenOne() {
		try (SseClient open = SseClient.open(this.port, "/api/prices/stream?ids=1")) {
			List<Event> events = open.read(2, Duration.ofSeconds(15));
			Reply refused = this.api
				.send(this.api.request("/api/prices/stream?ids=2").header("Accept", "text/event-stream").GET());

			assertThat(events).extracting(Event::name).containsExactly("price", "comment");
			assertThat(events.get(1).data()).isEqualTo("heartbeat");
			assertOverloaded(refused);
			OpenApiContract.assertConforms("GET", "/api/prices/stream?ids=2", refused);
		}
	}

	private static void assertOverloaded(Reply reply) {
		assertProblem(reply, 503, "OVERLOADED");
		assertThat(reply.header("Retry-After")).isEqualTo("1");
	}

}
