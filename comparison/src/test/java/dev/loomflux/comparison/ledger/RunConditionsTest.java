package dev.loomflux.comparison.ledger;

import java.util.Map;

import dev.loomflux.comparison.results.Interference;
import dev.loomflux.comparison.results.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunConditionsTest {

	@Test
	void shouldSayInTheSummaryWhichRunsWereNotWarmAndWhatARequestCost() {
		Map<String, Double> warm = Map.of("warmupSteady", 1.0, "efficiencyRate", 1000.0, "cpuMicrosPerRequest", 140.0,
				"capacityPerCore", 7142.0, "allocatedBytesPerRequest", 24576.0, "securityCpuShare", 0.125,
				"securitySamples", 400.0, "jitCpuMicrosPerRequest", 10.0);
		Map<String, Double> cold = Map.of("warmupSteady", 0.0, "efficiencyRate", 1000.0, "cpuMicrosPerRequest", 1200.0);
		String summary = SummaryWriter.render(
				new Fixtures().run("catalog-read", "loom", 1, warm, Fixtures.openOk(1000, 5), Fixtures.openOk(3000, 8))
					.run("catalog-read", "reactive", 1, cold, Fixtures.openOk(1000, 5))
					.build());
		assertThat(summary).contains(
				"| loom | steady | 1000/s | 140 µs (JIT 10 µs) | 7142/s | 24.0 KiB | not measured | 12.5 % of 400 samples | none |");
		assertThat(summary).contains("| reactive | **not steady** (repeat 1) | 1000/s | 1200 µs | not measured |");
	}

	@Test
	void shouldNoteEveryStepTheMachineInvalidated() {
		Step stolen = new Step("3000 req/s", 3000.0, null, null, 3, Fixtures.request("product", 8.0, 0, 3000), null,
				null, new Interference(0.08, 0.0, 0.1, "steal took 8.0 % of the machine's CPU time (limit 5 %)"));
		String summary = SummaryWriter.render(new Fixtures()
			.run("catalog-read", "loom", 1, Map.of("warmupSteady", 1.0), Fixtures.openOk(1000, 5), stolen)
			.build());
		assertThat(summary).contains(
				"catalog-read on loom (repeat 1), step 3000 req/s invalid: steal took 8.0 % of the machine's CPU time");
		assertThat(summary).contains("| **1 of 2** |");
	}

}
