package dev.loomflux.comparison;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.gatling.recording.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-checks the measurement with an independent client: one open-model plan (a warm-up
 * step, then the measured one) run through the real Gatling path (forked as the
 * comparison forks it) and through {@link ConstantRateClient}, against a server of the
 * test's that stalls once for a known time. Both must send what the schedule planned, and
 * in both a request intended during the stall must take at least the rest of the stall,
 * timed from its intended time: a measurement that hid the stall would fail. Correctness,
 * not speed: every bound below follows from the stall alone, whatever the machine's load.
 */
class ScheduleCrossCheckTest {

	private static final double RATE = 50;

	/** Each of the two steps: a warm-up for the cold client, then the measured one. */
	private static final int STEP_SECONDS = 2;

	private static final long PER_STEP = Math.round(RATE * STEP_SECONDS);

	private static final long INTERVAL_MILLIS = Math.round(1000 / RATE);

	private static final Duration STALL = Duration.ofMillis(300);

	/** The middle of the measured step. */
	private static final int STALL_AT_REQUEST = (int) (PER_STEP + PER_STEP / 2);

	@TempDir
	Path folder;

	private HttpServer server;

	private final AtomicInteger received = new AtomicInteger();

	private volatile long stallStartNanos;

	private volatile long stallEndNanos;

	@BeforeEach
	void startServer() throws IOException {
		this.server = ProductsServer.start(this::answer);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	/**
	 * Answers at once, except that request number STALL_AT_REQUEST starts a stall: every
	 * request that arrives until it ends is held until then.
	 */
	private void answer(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		if (this.received.incrementAndGet() == STALL_AT_REQUEST) {
			this.stallStartNanos = now;
			this.stallEndNanos = now + STALL.toNanos();
		}
		long end = this.stallEndNanos;
		if (this.stallStartNanos != 0 && now < end) {
			try {
				Thread.sleep(Duration.ofNanos(end - now));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private void resetServer() {
		this.received.set(0);
		this.stallStartNanos = 0;
		this.stallEndNanos = 0;
	}

	@Test
	void shouldAgreeWithAnIndependentConstantRateClientOnCountsAndOnAStall() throws Exception {
		List<ConstantRateClient.Sent> independent = new ConstantRateClient().run(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/products/1"), RATE,
				2 * STEP_SECONDS);
		long independentReceived = this.received.get();
		long stallStart = this.stallStartNanos;
		long stallEnd = this.stallEndNanos;
		resetServer();
		List<LatencyFile.StepFigures> steps = runGatling();
		long gatlingReceived = this.received.get();

		// counts: both sent exactly what the schedule planned, and the server saw it;
		// Gatling's requests count in the step they were intended in
		assertThat(independent).hasSize((int) (2 * PER_STEP)).allMatch((sent) -> sent.status() == 200);
		assertThat(independentReceived).isEqualTo(2 * PER_STEP);
		assertThat(gatlingReceived).isEqualTo(2 * PER_STEP);
		for (LatencyFile.StepFigures step : steps) {
			assertThat(step.loadGenerator().planned()).isEqualTo(PER_STEP);
			assertThat(step.loadGenerator().sent()).isEqualTo(PER_STEP);
			assertThat(step.requests().values().stream().mapToLong((r) -> r.ok() + r.ko()).sum()).isEqualTo(PER_STEP);
			assertThat(step.requests().values().stream().mapToLong(RequestStats::ko).sum()).isZero();
			assertThat(step.loadGenerator().sendLatenessP99Ms()).isNotNull();
			assertThat(step.loadGenerator().cpuShare()).isNotNull();
		}
		LatencyFile.StepFigures gatling = steps.getLast();

		// the independent client, request by request: one intended during the stall
		// takes at least the rest of the stall
		List<ConstantRateClient.Sent> duringStall = independent.stream()
			.filter((sent) -> sent.intendedNanos() >= stallStart && sent.intendedNanos() < stallEnd)
			.toList();
		assertThat(duringStall).hasSizeGreaterThanOrEqualTo((int) (STALL.toMillis() / INTERVAL_MILLIS) - 1);
		assertThat(duringStall).allMatch((sent) -> sent.latencyFromIntendedNanos() >= stallEnd - sent.intendedNanos());

		// Gatling keeps histograms, not requests. The request that started the stall took
		// at least all of it. The simulation sends 90 % product reads: the second of them
		// intended after the stall began is, barring a 1-in-10^8 draw, among the first
		// ten
		// (one interval apart), so took at least the stall less ten intervals; with 51 to
		// 149 product reads in the step, their p99 is the second slowest
		double stallMillis = STALL.toMillis();
		double slowest = gatling.requests().values().stream().mapToDouble(RequestStats::max).max().orElseThrow();
		assertThat(slowest).isGreaterThanOrEqualTo(stallMillis);
		RequestStats products = gatling.requests().get("product");
		assertThat(products.ok()).isBetween(51L, 149L);
		assertThat(products.allP99()).isGreaterThanOrEqualTo(stallMillis - 10 * INTERVAL_MILLIS);
		assertThat(products.p99()).as("every request succeeded: the same figure").isEqualTo(products.allP99());
	}

	private List<LatencyFile.StepFigures> runGatling() throws Exception {
		Plan plan = new Plan("catalog-read", "http://127.0.0.1:" + this.server.getAddress().getPort(), null,
				List.of(new Plan.Step("warm-up", RATE, null, null, STEP_SECONDS),
						new Plan.Step(Math.round(RATE) + " req/s", RATE, null, null, STEP_SECONDS)),
				Map.of("hotProducts", "10"), this.folder.resolve("latency.json").toString());
		Settings settings = new Settings(null, null, "127.0.0.1", 5432, "postgres", "", "unused", "127.0.0.1", 6379, 0,
				false);
		LoadGenerator.Outcome outcome;
		try (LoadGenerator load = new LoadGenerator(settings, this.folder)) {
			outcome = load.run("CatalogReadSimulation", plan, "cross-check");
		}
		assertThat(outcome.latency().stopReason()).isNull();
		assertThat(outcome.latency().steps()).hasSize(2);
		return outcome.latency().steps();
	}

}
