package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.gatling.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Gatling runs in the load-generator JVM, as the comparison runs them, against a
 * tiny HTTP server of the test's: proves that the simulation, the injection and the
 * recorder agree on what was sent and answered, and that runs one after the other in one
 * JVM each start from a clean slate.
 */
class LoadGeneratorTest {

	private static final Settings SETTINGS = new Settings(null, null, "127.0.0.1", 5432, "postgres", "", "unused",
			"127.0.0.1", 6379, 0, false);

	@TempDir
	Path folder;

	private HttpServer server;

	private LoadGenerator load;

	@BeforeEach
	void startServer() throws IOException {
		this.server = ProductsServer.start(this::answer);
		this.load = new LoadGenerator(SETTINGS, this.folder);
	}

	@AfterEach
	void stop() {
		this.load.close();
		this.server.stop(0);
	}

	/** Product reads succeed; list pages fail with 503, so both outcomes are recorded. */
	private void answer(HttpExchange exchange) throws IOException {
		boolean page = exchange.getRequestURI().getQuery() != null;
		byte[] body = (page ? "{\"status\":503}" : "{\"id\":1}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(page ? 503 : 200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Test
	void shouldRecordEveryRequestGatlingSentInTheStepItWasSentIn() throws Exception {
		LoadGenerator.Outcome outcome = this.load.run("CatalogReadSimulation", twoSteps("first"), "launcher test");

		assertOpenStepsRecorded(outcome);
	}

	@Test
	void shouldStartEachRunInTheSameJvmFromACleanSlate() throws Exception {
		LoadGenerator.Outcome first = this.load.run("CatalogReadSimulation", twoSteps("first"), "first run");
		long pid = this.load.pid();

		LoadGenerator.Outcome second = this.load.run("CatalogReadSimulation", twoSteps("second"), "second run");

		assertThat(this.load.pid()).as("the same load-generator JVM").isEqualTo(pid);
		assertOpenStepsRecorded(first);
		// nothing of the first run's requests or schedule counts in the second's
		assertOpenStepsRecorded(second);
		assertThat(second.report()).isNotEqualTo(first.report());
	}

	private Plan twoSteps(String name) throws java.io.IOException {
		Path runFolder = Files.createDirectories(this.folder.resolve(name));
		return new Plan("catalog-read", "http://127.0.0.1:" + this.server.getAddress().getPort(), null,
				List.of(new Plan.Step("20 req/s", 20.0, null, null, 2), new Plan.Step("40 req/s", 40.0, null, null, 2)),
				Map.of("hotProducts", "10"), runFolder.resolve("latency.json").toString());
	}

	private void assertOpenStepsRecorded(LoadGenerator.Outcome outcome) {
		assertThat(outcome.latency().stopReason()).isNull();
		assertThat(outcome.latency().steps()).hasSize(2);
		long[] sent = outcome.latency()
			.steps()
			.stream()
			.mapToLong((step) -> step.requests().values().stream().mapToLong((r) -> r.ok() + r.ko()).sum())
			.toArray();
		// constant arrival rates: 20/s and 40/s for 2 s each; a request counts in the
		// step it was intended in, however late it went out
		assertThat(sent).containsExactly(40L, 80L);
		assertThat(outcome.latency().steps().get(1).loadGenerator().planned()).isEqualTo(80);
		RequestStats products = outcome.latency().steps().get(1).requests().get("product");
		assertThat(products.ok()).isPositive();
		assertThat(products.ko()).isZero();
		assertThat(products.p50()).isPositive();
		RequestStats pages = outcome.latency()
			.steps()
			.stream()
			.map((step) -> step.requests().get("product-page"))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow();
		assertThat(pages.ok()).isZero();
		assertThat(pages.errors()).containsOnlyKeys("503");
		assertThat(outcome.report()).startsWith("gatling/").endsWith("/index.html");
		assertThat(Files.exists(this.folder.resolve(outcome.report()))).isTrue();
	}

	@Test
	void shouldInjectByTheNameThePlanGives() throws Exception {
		// the same simulation, closed model: 4 users, each looping on its own connection
		Plan plan = new Plan("catalog-read", "http://127.0.0.1:" + this.server.getAddress().getPort(), "closed-steps",
				List.of(new Plan.Step("4 in flight", null, 4, null, 2)), Map.of("hotProducts", "10"),
				this.folder.resolve("latency.json").toString());
		LoadGenerator.Outcome outcome = this.load.run("CatalogReadSimulation", plan, "closed injection test");

		RequestStats products = outcome.latency().steps().getFirst().requests().get("product");
		// four users answered in well under a millisecond each
		// send far more than an open 20/s would
		assertThat(products.ok()).isGreaterThan(100);
		assertThat(products.ko()).isZero();
		LatencyFile.LoadGeneratorFigures loadGenerator = outcome.latency().steps().getFirst().loadGenerator();
		assertThat(loadGenerator.planned()).as("closed users have no schedule").isNull();
		assertThat(loadGenerator.sendLatenessP99Ms()).isNull();
		assertThat(loadGenerator.sent()).isEqualTo(products.ok() + products.ko()
				+ Optional.ofNullable(outcome.latency().steps().getFirst().requests().get("product-page"))
					.map((pages) -> pages.ok() + pages.ko())
					.orElse(0L));
	}

}
