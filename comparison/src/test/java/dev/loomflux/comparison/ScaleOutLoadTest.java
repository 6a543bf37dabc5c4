package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.gatling.recording.LatencyFiles;
import dev.loomflux.gatling.recording.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out load: two load-generator JVMs drive one target at once, each with its share
 * of one plan, as the load-test Job's pods do, and their {@code latency.json} files merge
 * into one whose request counts are the sum of both and match what the target answered.
 */
class ScaleOutLoadTest {

	private static final Settings SETTINGS = new Settings(null, null, "127.0.0.1", 5432, "postgres", "", "unused",
			"127.0.0.1", 6379, 0, false);

	@TempDir
	Path folder;

	private HttpServer server;

	private final AtomicLong answered = new AtomicLong();

	@BeforeEach
	void startServer() throws IOException {
		this.server = ProductsServer.start(this::answer);
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.answered.incrementAndGet();
		byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Test
	void shouldMergeTwoLoadGeneratorsRunsIntoOneWithEveryRequestOfBoth() throws Exception {
		Plan whole = new Plan("catalog-read", "http://127.0.0.1:" + this.server.getAddress().getPort(), null,
				List.of(new Plan.Step("40 req/s", 40.0, null, null, 2), new Plan.Step("80 req/s", 80.0, null, null, 2)),
				Map.of("hotProducts", "10"), "unused");
		Path first = Files.createDirectories(this.folder.resolve("load-0"));
		Path second = Files.createDirectories(this.folder.resolve("load-1"));

		try (LoadGenerator one = new LoadGenerator(SETTINGS, first);
				LoadGenerator other = new LoadGenerator(SETTINGS, second)) {
			CompletableFuture<LoadGenerator.Outcome> a = CompletableFuture
				.supplyAsync(() -> run(one, whole.share(0, 2, first.resolve("latency.json").toString())));
			CompletableFuture<LoadGenerator.Outcome> b = CompletableFuture
				.supplyAsync(() -> run(other, whole.share(1, 2, second.resolve("latency.json").toString())));
			LatencyFile merged = LatencyFiles.merge(List.of(a.join().latency(), b.join().latency()));

			assertThat(one.pid()).as("two load-generator processes").isNotEqualTo(other.pid());
			long[] perStep = merged.steps().stream().mapToLong(ScaleOutLoadTest::requests).toArray();
			long[] firstPerStep = a.join().latency().steps().stream().mapToLong(ScaleOutLoadTest::requests).toArray();
			long[] secondPerStep = b.join().latency().steps().stream().mapToLong(ScaleOutLoadTest::requests).toArray();
			assertThat(firstPerStep).as("each its half of the schedule").containsExactly(40, 80);
			assertThat(secondPerStep).containsExactly(40, 80);
			assertThat(perStep).as("the sum of both").containsExactly(80, 160);
			assertThat(perStep[0] + perStep[1]).as("every request the target answered").isEqualTo(this.answered.get());
			assertThat(merged.steps().get(1).loadGenerator().planned()).isEqualTo(160);
			RequestStats products = merged.steps().get(1).requests().get("product");
			assertThat(products.p99()).isBetween(
					Math.min(p99(a.join().latency(), "product"), p99(b.join().latency(), "product")),
					Math.max(p99(a.join().latency(), "product"), p99(b.join().latency(), "product")));
		}
	}

	@Test
	void shouldMeetAtTheBarrierAndMergeAsTheLoadTestJobsPodsDo() throws Exception {
		Path results = this.folder.resolve("results");
		List<Process> pods = new java.util.ArrayList<>();
		for (int index = 0; index < 2; index++) {
			List<String> command = new java.util.ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			// as the load image runs it (the Dockerfile's load stage)
			command.addAll(LoadGenerator.JVM_FLAGS);
			command.addAll(List.of("-cp", classPath(), LoadJob.class.getName()));
			ProcessBuilder pod = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.folder.resolve("pod-" + index + ".log").toFile());
			pod.environment()
				.putAll(Map.of("LOOMFLUX_TARGETS", "products=http://127.0.0.1:" + this.server.getAddress().getPort(),
						"LOOMFLUX_PROFILE", "smoke", "LOOMFLUX_SCENARIOS", "catalog-read", "LOOMFLUX_LEAD_IN_SECONDS",
						"1", "LOOMFLUX_RESULTS", results.toString(), "LOOMFLUX_RUN", "run-1", "LOOMFLUX_LOAD_COUNT",
						"2", "JOB_COMPLETION_INDEX", Integer.toString(index)));
			pods.add(pod.start());
			// the second pod starts later, as pods do: the barrier lines their steps up
			Thread.sleep(1500);
		}
		for (Process pod : pods) {
			assertThat(pod.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
			assertThat(pod.exitValue()).as(Files.readString(this.folder.resolve("pod-" + pods.indexOf(pod) + ".log")))
				.isZero();
		}

		Path run = results.resolve("run-1");
		LatencyFile merged = LoadJob.merged(run, "products", "catalog-read").orElseThrow();
		LatencyFile first = LatencyFile.read(LoadJob.latencyFile(run.resolve("products-catalog-read"), 0));
		LatencyFile second = LatencyFile.read(LoadJob.latencyFile(run.resolve("products-catalog-read"), 1));
		long total = merged.steps().stream().mapToLong(ScaleOutLoadTest::requests).sum();
		assertThat(total).as("the sum of both")
			.isEqualTo(first.steps().stream().mapToLong(ScaleOutLoadTest::requests).sum()
					+ second.steps().stream().mapToLong(ScaleOutLoadTest::requests).sum())
			.isEqualTo(this.answered.get());
		// smoke's catalog-read: 200 req/s for 1 s, behind a 1 s lead-in at the same rate
		assertThat(merged.steps()).extracting((step) -> step.loadGenerator().planned()).containsExactly(200L, 200L);
		// the barrier gives both the same instant, though the second arrived 1.5 s later;
		// how soon after it each Gatling run got going depends on the machine, and is
		// recorded (startedAtMillis), not held to a time here
		Path folder = run.resolve("products-catalog-read");
		assertThat(Files.readString(folder.resolve("start-1"))).as("one start for both")
			.isEqualTo(Files.readString(folder.resolve("start-0")));
		assertThat(first.startedAtMillis())
			.isGreaterThanOrEqualTo(Long.parseLong(Files.readString(folder.resolve("start-0"))));
		assertThat(second.startedAtMillis())
			.isGreaterThanOrEqualTo(Long.parseLong(Files.readString(folder.resolve("start-1"))));
	}

	/** The comparison module's classes and libraries, as ./loomflux report runs them. */
	private static String classPath() throws IOException {
		return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(Path.of("target", "classpath.txt")).strip();
	}

	private static LoadGenerator.Outcome run(LoadGenerator load, Plan plan) {
		try {
			return load.run("CatalogReadSimulation", plan, "scale-out " + plan.output());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long requests(LatencyFile.StepFigures step) {
		return step.requests().values().stream().mapToLong((stats) -> stats.ok() + stats.ko()).sum();
	}

	private static double p99(LatencyFile latency, String name) {
		return latency.steps().get(1).requests().get(name).p99();
	}

}
