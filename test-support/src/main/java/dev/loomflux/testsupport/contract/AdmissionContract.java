package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admission control, run unchanged against both services: with two API requests in flight
 * (home pages held by a slow downstream) and the bound at two, every further API request
 * is refused at once with 503 {@code OVERLOADED} and {@code Retry-After}, health still
 * answers, and once the slow requests finish the service admits requests again by itself.
 */
@ServiceTest
@TestPropertySource(properties = { "bff.admission.max-concurrent=2",
		// the slow home pages must stay in flight, not be cut short as degraded
		"bff.home.deadline=60s", "bff.downstream.recommendations-timeout=60s" })
public abstract class AdmissionContract {

	/** Long enough for the test to see the bound reached; the only wait in the test. */
	private static final String SLOW = "{\"latency\":\"PT6S\"}";

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private HttpApi api;

	private final DownstreamStub stub = DownstreamStub.get();

	@BeforeEach
	void prepare() {
		this.api = HttpApi.onPort(this.port);
		this.stub.reset();
		Fixtures.awaitRedisConnected(this.api);
	}

	@AfterEach
	void resetStub() {
		this.stub.reset();
	}

	@Test
	void shouldRefuseRequestsBeyondTheBoundAtOnceAndAdmitThemAgainOnceTheSlowOnesFinish() throws Exception {
		this.stub.behave("recommendations", SLOW);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Reply> first = executor.submit(() -> this.api.as(11).get("/api/customers/11/home"));
			Future<Reply> second = executor.submit(() -> this.api.as(12).get("/api/customers/12/home"));

			// the first probe waits a little so that it cannot overtake the slow requests
			Reply refused = await().pollDelay(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.api.get("/api/products/1"), (reply) -> reply.status() == 503);
			List<Reply> alsoRefused = List.of(this.api.get("/api/products?limit=5"),
					this.api.as(13)
						.send("PUT", "/api/customers/13/cart/items/5", "application/json", "{\"quantity\":1}"),
					this.api.as(13).get("/api/customers/13/home"));
			Reply liveness = this.api.get("/livez");
			Reply health = HttpApi.onPort(this.managementPort).get("/actuator/health");

			assertOverloaded(refused);
			OpenApiContract.assertConforms("GET", "/api/products/1", refused);
			alsoRefused.forEach(AdmissionContract::assertOverloaded);
			assertThat(first.isDone() || second.isDone()).as("the slow requests are still in flight").isFalse();
			assertThat(liveness.status()).isEqualTo(200);
			assertThat(health.status()).isEqualTo(200);
			assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
			assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
		}
		assertThat(this.api.get("/api/products/1").status()).isEqualTo(200);
		assertThat(this.api.as(13).get("/api/customers/13/cart").status()).isEqualTo(200);
	}

	private static void assertOverloaded(Reply reply) {
		assertProblem(reply, 503, "OVERLOADED");
		assertThat(reply.header("Retry-After")).isEqualTo("1");
		assertThat(reply.json().get("detail").asString())
			.isEqualTo("Too many API requests in flight at once (at most 2); retry later.");
	}

}
