package dev.loomflux.comparison;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.loomflux.comparison.results.Footprint;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.launcher.ServiceProcess;
import dev.loomflux.launcher.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./loomflux compare --target}: the comparison against services it did not start,
 * as against a compose or Kubernetes stack. The test starts the stub and both services
 * itself, on a database of its own, hands the run only their URLs, and checks that the
 * results have what a local run's have, except what needs the process (RSS, start-up, the
 * model's threads) or the database (the orders invariant), which the manifest names.
 */
class ExternalTargetsTest {

	/** Its own database and Redis index: a comparison run may use the usual ones. */
	private static final Settings SETTINGS = new Settings(null, null, "127.0.0.1", 5432, "postgres", "",
			"loomflux_external_test", "127.0.0.1", 6379, 9, false);

	@TempDir
	Path folder;

	@Test
	void shouldMeasureServicesSomeoneElseStartedLikeItsOwn() throws Exception {
		Storage.recreateDatabase(SETTINGS);
		Storage.flushRedis(SETTINGS);
		try (ServiceProcess stub = JarsInTests.startStub(this.folder)) {
			Map<String, String> environment = JarsInTests.environment(SETTINGS, stub);
			// both at once against the empty database, as a deployment starts them
			CompletableFuture<ServiceProcess> loom = CompletableFuture.supplyAsync(() -> start("loom", environment));
			CompletableFuture<ServiceProcess> reactive = CompletableFuture
				.supplyAsync(() -> start("reactive", environment));
			try (ServiceProcess loomService = loom.join(); ServiceProcess reactiveService = reactive.join()) {
				Map<String, String> urls = new LinkedHashMap<>();
				urls.put("loom", loomService.baseUrl());
				urls.put("reactive", reactiveService.baseUrl());
				Targets targets = new Targets(urls,
						Map.of("loom", metrics(loomService), "reactive", metrics(reactiveService)), stub.baseUrl());
				List<String> scenarios = List.of("catalog-read", "home-fanout", "orders");

				Results results = Outputs.write(new ComparisonRun("smoke", Profile.load("smoke"), SETTINGS,
						List.of(Variant.named("loom"), Variant.named("reactive")), scenarios, this.folder,
						new Microbench(this.folder, "smoke", true), targets)
					.run(), this.folder);

				assertThat(results.manifest().notes()).anyMatch((note) -> note.startsWith("external targets"))
					.anyMatch((note) -> note.contains("stock invariant not checked"))
					.anyMatch((note) -> note.startsWith("target loom: " + loomService.baseUrl()));
				assertThat(results.footprints()).extracting(Footprint::variant).containsExactly("loom", "reactive");
				for (Footprint footprint : results.footprints()) {
					assertThat(footprint.startupSeconds()).as("not started here").isNull();
					assertThat(footprint.idleHeapUsedBytes()).as("from its metrics").isPositive();
					assertThat(footprint.baseMemoryBytes()).as("its process cannot be read from here").isNull();
					assertThat(footprint.warmupRounds()).isNotEmpty().allMatch((rate) -> rate > 0);
				}
				assertThat(results.scenarios()).hasSize(6);
				for (ScenarioRun run : results.scenarios()) {
					String which = run.variant() + " " + run.scenario();
					assertThat(run.failure()).as(which).isNull();
					assertThat(run.steps()).as(which).isNotEmpty();
					for (Step step : run.steps()) {
						assertThat(step.requests().values()).as(which).anyMatch((stats) -> stats.ok() > 0);
						assertThat(step.server().cpuSeconds()).as("%s: CPU from process_cpu_time_ns_total", which)
							.isPositive();
						assertThat(step.server().heapUsedBytes()).as(which).isPositive();
						assertThat(step.server().jitCpuSeconds()).as("%s: the JIT from its metrics", which).isNotNull();
						assertThat(step.loadGenerator().sent()).as(which).isPositive();
					}
					assertThat(run.figures()).as(which)
						.containsKeys("warmupRounds", "warmupJitShare", "cpuMicrosPerRequest", "capacityPerCore")
						.doesNotContainKey("stockInvariantViolations");
					assertThat(run.figures().get("cpuMicrosPerRequest")).as(which).isPositive();
				}
				assertThat(this.folder.resolve("summary.md")).exists();
				assertThat(this.folder.resolve("report.html")).exists();
			}
		}
		finally {
			Storage.dropDatabase(SETTINGS);
		}
	}

	private ServiceProcess start(String variant, Map<String, String> environment) {
		try {
			return JarsInTests.start(Variant.named(variant), environment, this.folder);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI metrics(ServiceProcess service) {
		return URI.create("http://127.0.0.1:" + service.managementPort() + "/actuator/prometheus");
	}

}
