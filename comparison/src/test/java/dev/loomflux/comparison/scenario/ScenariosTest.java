package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.results.Interference;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenariosTest {

	@Test
	void shouldDeriveMemoryPerInFlightRequestAsTheSlopeBetweenFirstAndLastStep() {
		List<Step> steps = List.of(step(100, 200e6, 100e6), step(1000, 230e6, 110e6), step(5100, 300e6, null));
		Map<String, Double> figures = Scenarios.named("concurrency-sweep").derive(steps);
		assertThat(figures).containsEntry("rssBytesPerInFlight", 100e6 / 5000);
		assertThat(figures).as("a missing heap figure is no figure").doesNotContainKey("heapBytesPerInFlight");
	}

	@Test
	void shouldDeriveMemoryPerInFlightRequestFromValidStepsOnly() {
		Step top = step(5100, 900e6, 600e6);
		Step interfered = new Step(top.label(), null, top.concurrency(), null, 5, Map.of(), top.server(), null,
				new Interference(0.0, 0.4, 0.0, "other processes used 40.0 % of the service's core(s)"));
		Map<String, Double> figures = Scenarios.named("concurrency-sweep")
			.derive(List.of(step(100, 200e6, 100e6), step(1000, 230e6, 110e6), interfered));
		assertThat(figures).as("the slope up to the highest valid step")
			.containsEntry("rssBytesPerInFlight", 30e6 / 900)
			.containsEntry("heapBytesPerInFlight", 10e6 / 900);
	}

	@Test
	void shouldDeriveMemoryPerOpenStreamFromTheBaseline() {
		Map<String, Double> figures = Scenarios.named("connections")
			.derive(List.of(step(0, 200e6, 50e6), step(1000, 210e6, 60e6)));
		assertThat(figures).containsEntry("rssBytesPerStream", 10_000.0).containsEntry("heapBytesPerStream", 10_000.0);
		assertThat(Scenarios.named("catalog-read").derive(List.of(step(0, 1e6, 1e6), step(1, 1e6, 1e6)))).isEmpty();
	}

	@Test
	void shouldFindEachScenarioOfTheProfilesByNameAndAPlainOneForAnyOther() throws Exception {
		for (String name : dev.loomflux.comparison.ProfileFixture.scenarioNames()) {
			assertThat(Scenarios.named(name)).as(name).isNotInstanceOf(Plain.class);
			assertThat(Scenarios.named(name).name()).isEqualTo(name);
		}
		assertThat(Scenarios.named("catalog-read").p99ObjectiveMs()).contains(100.0);
		assertThat(Scenarios.named("cpu-neighbour").p99ObjectiveMs()).isEmpty();
		assertThat(Scenarios.named("no-such-thing")).isInstanceOf(Plain.class);
	}

	@Test
	void shouldSetEachServicesCostPerCachedReadOverItsOwnStacksFloor() {
		Results results = new Results(null, List.of(),
				List.of(cachedRead("loom", 1, 130.0, 24_000.0), cachedRead("loom", 2, 150.0, 26_000.0),
						cachedRead("floor-loom", 1, 100.0, 10_000.0), cachedRead("floor-loom", 2, 100.0, 10_000.0),
						cachedRead("reactive", 1, 120.0, 80_000.0), cachedRead("floor-reactive", 1, 60.0, null)),
				null, List.of(), List.of());
		Evidence evidence = new Evidence(results);
		Scenario cachedRead = Scenarios.named("cached-read");

		assertThat(cachedRead.summaryRow(evidence, "loom")).containsExactly("140 µs (130 µs..150 µs)", "1.4x",
				"112 µs (104 µs..120 µs)", "1.4x", "24.4 KiB (23.4 KiB..25.4 KiB)", "2.5x", "not measured");
		assertThat(cachedRead.summaryRow(evidence, "floor-loom")).containsExactly("100 µs", "(the floor)", "80 µs",
				"(the floor)", "9.8 KiB", "(the floor)", "not measured");
		assertThat(cachedRead.summaryRow(evidence, "reactive")).as("over floor-reactive, whose allocation is missing")
			.containsExactly("120 µs", "2.0x", "96 µs", "2.0x", "78.1 KiB", "not measured", "not measured");
	}

	@Test
	void shouldDeriveTheMarginalCpuPerCachedReadFromTheLowestAndHighestStep() {
		// 0.2 s of CPU a second at 500/s, 0.5 s at 2,000/s: 0.3 s more for 1,500 more a
		// second
		List<Step> steps = List.of(cpuStep(500, 5, 0.2), cpuStep(2000, 5, 0.5));

		assertThat(Scenarios.named("cached-read").derive(steps)).containsOnlyKeys(CachedRead.MARGINAL_CPU)
			.hasEntrySatisfying(CachedRead.MARGINAL_CPU,
					(micros) -> assertThat(micros).isCloseTo(200.0, org.assertj.core.data.Offset.offset(1e-6)));
		assertThat(Scenarios.named("cached-read").derive(steps.subList(0, 1))).as("one step: no slope").isEmpty();
	}

	private static Step cpuStep(double rate, double seconds, double cpuShare) {
		long ok = Math.round(rate * seconds);
		return new Step(Math.round(rate) + " req/s", rate, null, null, seconds,
				Map.of("product",
						new dev.loomflux.gatling.recording.RequestStats(ok, 0, rate, 1.0, 2.0, 3.0, 4.0, 5.0, Map.of(),
								3.0)),
				new ServerStats(cpuShare, cpuShare * seconds, null, null, null, null, null, null, null, null, null,
						null),
				null, null);
	}

	private static ScenarioRun cachedRead(String variant, int repeat, Double cpuMicros, Double allocatedBytes) {
		Map<String, Double> figures = new java.util.HashMap<>();
		figures.put("cpuMicrosPerRequest", cpuMicros);
		figures.put("marginalCpuMicrosPerRequest", cpuMicros * 0.8);
		if (allocatedBytes != null) {
			figures.put("allocatedBytesPerRequest", allocatedBytes);
		}
		Step step = new Step("2000 req/s", 2000.0, null, null, 5, Map.of(), null, null, null);
		return new ScenarioRun("cached-read", variant, repeat, null, List.of(step), List.of(), figures, null);
	}

	private static Step step(int concurrency, Double rss, Double heap) {
		return new Step(concurrency + " in flight", null, concurrency, null, 5, Map.of(),
				new ServerStats(null, null, rss, heap, null, null, null, null, null, null, null, null));
	}

}
