package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breaker in front of each downstream endpoint, run unchanged against both
 * services with the real downstream stub, whose call counter shows whether a request
 * still reaches it. The breaker is shrunk to a window of {@value #WINDOW} calls and a 2 s
 * wait in the open state; the failure-rate threshold stays the shared 50 %. Each test
 * starts from a closed breaker: it waits until the home page is whole again, which an
 * open breaker allows only after its wait and one successful probe.
 */
@ServiceTest
@TestPropertySource(
		properties = { "bff.downstream.circuit-breaker.sliding-window-size=" + CircuitBreakerContract.WINDOW,
				"bff.downstream.circuit-breaker.minimum-number-of-calls=" + CircuitBreakerContract.WINDOW,
				// long enough for the requests that show an open breaker to come first
				"bff.downstream.circuit-breaker.wait-in-open-state=2s",
				"bff.downstream.circuit-breaker.permitted-calls-in-half-open-state=1" })
public abstract class CircuitBreakerContract {

	static final int WINDOW = 4;

	private static final long CUSTOMER = 611;

	private static final String HOME = "/api/customers/" + CUSTOMER + "/home";

	private static final Pattern STATE = Pattern
		.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"(\\w+)\"[^}]*state=\"(\\w+)\"[^}]*} 1\\.0");

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private HttpApi api;

	private final DownstreamStub stub = DownstreamStub.get();

	@BeforeEach
	void startClosed() {
		this.api = HttpApi.onPort(this.port).as(CUSTOMER);
		Fixtures.awaitRedisConnected(this.api);
		this.stub.reset();
		// no cart: promotions are asked for the recommended products only
		TestInfrastructure.get().redis().del("cart:" + CUSTOMER);
		await().atMost(Duration.ofSeconds(20)).until(() -> degraded(home()).equals("[]"));
		assertThat(breakerState("recommendations")).isEqualTo("closed");
		assertThat(breakerState("promotions")).isEqualTo("closed");
	}

	@AfterEach
	void resetStub() {
		this.stub.reset();
	}

	@Test
	void shouldStopCallingAFailingDownstreamAndStillAnswerWithoutIt() {
		this.stub.behave("promotions", "{\"errorRate\":1.0}");
		long before = this.stub.calls("promotions");

		openBreaker("promotions", "[\"promotions\"]");

		long calls = this.stub.calls("promotions");
		assertThat(calls).as("failed calls that reached the stub").isGreaterThan(before);
		for (int i = 0; i < 3; i++) {
			JsonNode home = home();
			assertThat(degraded(home)).isEqualTo("[\"promotions\"]");
			assertThat(home.has("promotions")).isFalse();
			assertThat(home.get("recommendations").size()).isEqualTo(5);
		}
		assertThat(this.stub.calls("promotions")).as("calls while the breaker is open").isEqualTo(calls);
		assertThat(breakerState("recommendations")).isEqualTo("closed");
	}

	@Test
	void shouldProbeAgainAfterTheWaitAndCloseOnceTheDownstreamIsBack() {
		this.stub.behave("promotions", "{\"errorRate\":1.0}");
		openBreaker("promotions", "[\"promotions\"]");
		long calls = this.stub.calls("promotions");

		// still failing: after the wait, one probe reaches the stub and opens it again
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			home();
			return this.stub.calls("promotions") > calls;
		});
		assertThat(this.stub.calls("promotions")).as("probes").isEqualTo(calls + 1);
		assertThat(breakerState("promotions")).isEqualTo("open");

		this.stub.reset();
		long probed = this.stub.calls("promotions");
		assertThat(degraded(home())).as("healthy again, but the breaker is still open").isEqualTo("[\"promotions\"]");
		assertThat(this.stub.calls("promotions")).isEqualTo(probed);

		await().atMost(Duration.ofSeconds(10)).until(() -> degraded(home()).equals("[]"));
		assertThat(this.stub.calls("promotions")).isGreaterThan(probed);
		assertThat(breakerState("promotions")).isEqualTo("closed");
	}

	@Test
	void shouldCountTimeoutsAsFailures() {
		this.stub.behave("recommendations", "{\"hangRate\":1.0}");

		openBreaker("recommendations", "[\"recommendations\"]");

		long calls = this.stub.calls("recommendations");
		JsonNode home = home();
		assertThat(degraded(home)).isEqualTo("[\"recommendations\"]");
		assertThat(home.get("customer").get("id").asLong()).isEqualTo(CUSTOMER);
		assertThat(this.stub.calls("recommendations")).as("calls while the breaker is open").isEqualTo(calls);
	}

	/**
	 * {@value #WINDOW} failed calls in a row fill the window with failures, which opens
	 * the breaker at the shared threshold whatever came before (with earlier successes it
	 * opens sooner).
	 */
	private void openBreaker(String endpoint, String degraded) {
		for (int i = 0; i < WINDOW; i++) {
			assertThat(degraded(home())).isEqualTo(degraded);
		}
		assertThat(breakerState(endpoint)).isEqualTo("open");
	}

	private JsonNode home() {
		HttpApi.Reply reply = OpenApiContract.checkedGet(this.api, HOME);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private static String degraded(JsonNode home) {
		return home.get("degraded").toString();
	}

	/** The breaker's state as Prometheus sees it: the state gauge that reads 1. */
	private String breakerState(String name) {
		Matcher states = STATE.matcher(HttpApi.onPort(this.managementPort).get("/actuator/prometheus").text());
		while (states.find()) {
			if (states.group(1).equals(name)) {
				return states.group(2);
			}
		}
		throw new AssertionError("no resilience4j_circuitbreaker_state for " + name);
	}

}
