package dev.loomflux.comparison.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsJsonTest {

	@Test
	void shouldKeepTheInterferenceTheCostsTheWarmUpAndTheStepWindowsThroughResultsJson(@TempDir Path folder)
			throws Exception {
		Manifest manifest = new Manifest("quick", 1, "abc1234", false, "2026-01-01T00:00:00Z", 600.0, "25", List.of(),
				"1", "0", "Test CPU", 2, 1L << 30, 0.3, Map.of(), List.of("loom"), List.of("catalog-read"), List.of(),
				Map.of(), new InterferenceRules(0.05, 0.10, false, "not pinned: 2 cores"), false,
				new Calibration(20.0, 34.2, true), new Calibration(21.0, 55.0, true));
		Step step = new Step(
				"1000 req/s", 1000.0, null, null, 3, Map.of(), new ServerStats(0.5, 1.5, 3e8, 1e8, 30.0, null, null,
						null, null, null, 0.01, 12.0, null, 6e7, 0.4, 0.1),
				null, new Interference(0.02, 0.03, 0.1, null), 1_796_646_580_082L, 1_796_646_583_082L);
		Results results = new Results(manifest, List.of(), List.of(new ScenarioRun("catalog-read", "loom", 1, null,
				List.of(step), List.of(), Map.of(ScenarioRun.WARMUP_STEADY, 1.0), null)), null, List.of(), List.of());
		ResultsJson.write(results, folder.resolve("results.json"));
		Results read = ResultsJson.read(folder.resolve("results.json"));
		assertThat(read.manifest().interference()).isEqualTo(manifest.interference());
		assertThat(read.manifest().calibration()).isEqualTo(manifest.calibration());
		assertThat(read.manifest().calibrationAtEnd()).isEqualTo(manifest.calibrationAtEnd());
		assertThat(read.manifest().calibration().text()).isEqualTo(
				"a 64-byte loopback TCP round trip took 20.0 µs within the load CPU(s) and 34.2 µs to the service's "
						+ "(the CPU reports a hypervisor)");
		assertThat(read.scenarios().getFirst().steps().getFirst()).isEqualTo(step);
		assertThat(Files.readString(folder.resolve("results.json"))).contains("\"startMillis\" : 1796646580082")
			.contains("\"endMillis\" : 1796646583082");
		assertThat(read.scenarios().getFirst().warm()).isTrue();
	}

}
