package dev.loomflux.comparison;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

	@Test
	void shouldDeriveMemoryPerInFlightRequestAsTheSlopeBetweenFirstAndLastStep() {
		List<Step> steps = List.of(step(100, 200e6, 100e6), step(1000, 230e6, 110e6), step(5100, 300e6, null));
		Map<String, Double> figures = Figures.derive("concurrency-sweep", steps);
		assertThat(figures).containsEntry("rssBytesPerInFlight", 100e6 / 5000);
		assertThat(figures).as("a missing heap figure is no figure").doesNotContainKey("heapBytesPerInFlight");
	}

	@Test
	void shouldDeriveMemoryPerOpenStreamFromTheBaseline() {
		Map<String, Double> figures = Figures.derive("connections",
				List.of(step(0, 200e6, 50e6), step(1000, 210e6, 60e6)));
		assertThat(figures).containsEntry("rssBytesPerStream", 10_000.0).containsEntry("heapBytesPerStream", 10_000.0);
		assertThat(Figures.derive("catalog-read", List.of(step(0, 1e6, 1e6), step(1, 1e6, 1e6)))).isEmpty();
	}

	private static Step step(int concurrency, Double rss, Double heap) {
		return new Step(concurrency + " in flight", null, concurrency, null, 5, Map.of(),
				new ServerStats(null, null, rss, heap, null, null, null, null, null, null, null, null));
	}

}
