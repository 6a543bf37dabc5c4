package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Map;

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

	private static Step step(int concurrency, Double rss, Double heap) {
		return new Step(concurrency + " in flight", null, concurrency, null, 5, Map.of(),
				new ServerStats(null, null, rss, heap, null, null, null, null, null, null, null, null));
	}

}
