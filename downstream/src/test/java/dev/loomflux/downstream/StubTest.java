package dev.loomflux.downstream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StubTest {

	// virtual threads for the client's own work,
	// so that live platform threads show the server's
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	// no request may wait for ever: a lost answer fails its test, with its name
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@AfterEach
	void reset() throws Exception {
		send("POST", "/admin/behaviours/reset", null);
	}

	@Test
	void shouldRecommendTheSameDistinctProductsEveryTime() throws Exception {
		String first = get("/recommendations/42?limit=5").body();
		String second = get("/recommendations/42?limit=5").body();

		assertThat(first).isEqualTo(second).isEqualTo("{\"customerId\":42,\"productIds\":[2599,7328,2057,6786,1515]}");
	}

	@Test
	void shouldPromoteEveryFourthProduct() throws Exception {
		assertThat(get("/promotions?productIds=3,4,8,9,20").body())
			.isEqualTo("{\"promotions\":[" + "{\"productId\":4,\"discountPercent\":25,\"label\":\"25% off\"},"
					+ "{\"productId\":8,\"discountPercent\":20,\"label\":\"20% off\"},"
					+ "{\"productId\":20,\"discountPercent\":5,\"label\":\"5% off\"}]}");
	}

	@Test
	void shouldRejectInvalidQueries() throws Exception {
		assertThat(get("/recommendations/0").statusCode()).isEqualTo(400);
		assertThat(get("/recommendations/1?limit=21").statusCode()).isEqualTo(400);
		assertThat(get("/promotions?productIds=1,x").statusCode()).isEqualTo(400);
	}

	@Test
	void shouldFailAndRecoverWhenToldToAtRunTime() throws Exception {
		send("PUT", "/admin/behaviours/promotions", "{\"errorRate\":1.0}");
		assertThat(get("/promotions?productIds=4").statusCode()).isEqualTo(503);

		send("POST", "/admin/behaviours/reset", null);
		assertThat(get("/promotions?productIds=4").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldWaitAtLeastTheConfiguredLatency() throws Exception {
		send("PUT", "/admin/behaviours/recommendations", "{\"latency\":\"PT0.3S\"}");

		long started = System.nanoTime();
		assertThat(get("/recommendations/1").statusCode()).isEqualTo(200);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void shouldHangUntilTheClientGivesUp() throws Exception {
		send("PUT", "/admin/behaviours/recommendations", "{\"hangRate\":1.0}");

		HttpRequest request = HttpRequest.newBuilder(uri("/recommendations/1")).timeout(Duration.ofMillis(500)).build();

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void shouldTrickleASlowBody() throws Exception {
		send("PUT", "/admin/behaviours/promotions", "{\"slowBodyRate\":1.0,\"slowBody\":\"PT0.4S\"}");

		long started = System.nanoTime();
		HttpResponse<String> reply = get("/promotions?productIds=4");

		assertThat(reply.body())
			.isEqualTo("{\"promotions\":[{\"productId\":4,\"discountPercent\":25,\"label\":\"25% off\"}]}");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void shouldCountTheCallsEachEndpointReceivedWhateverItAnswered() throws Exception {
		long promotions = Long.parseLong(get("/admin/calls/promotions").body());
		long recommendations = Long.parseLong(get("/admin/calls/recommendations").body());
		send("PUT", "/admin/behaviours/promotions", "{\"errorRate\":1.0}");

		get("/promotions?productIds=4");
		get("/promotions?productIds=8");

		assertThat(Long.parseLong(get("/admin/calls/promotions").body())).isEqualTo(promotions + 2);
		assertThat(get("/admin/calls").body())
			.isEqualTo("{\"promotions\":" + (promotions + 2) + ",\"recommendations\":" + recommendations + "}");
		assertThat(get("/admin/calls/nothing").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseInvalidBehaviours() throws Exception {
		assertThat(send("PUT", "/admin/behaviours/promotions", "{\"errorRate\":0.8,\"hangRate\":0.5}").statusCode())
			.isEqualTo(400);
		assertThat(send("PUT", "/admin/behaviours/nothing", "{}").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldHoldThousandsOfSlowRequestsOnAFewThreads() throws Exception {
		send("PUT", "/admin/behaviours/recommendations", "{\"latency\":\"PT1S\"}");
		int threadsBefore = Thread.activeCount();

		List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, 2000)
			.mapToObj((i) -> this.http.sendAsync(
					HttpRequest.newBuilder(uri("/recommendations/" + (i + 1))).timeout(REQUEST_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString()))
			.toList();
		CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();

		assertThat(replies).allSatisfy((reply) -> assertThat(reply.join().statusCode()).isEqualTo(200));
		// waits are timers, not threads: 2000 waiting requests add no thread per request
		assertThat(Thread.activeCount() - threadsBefore).isLessThan(50);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(REQUEST_TIMEOUT)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
