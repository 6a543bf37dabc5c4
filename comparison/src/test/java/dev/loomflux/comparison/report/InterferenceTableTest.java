package dev.loomflux.comparison.report;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.Interference;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterferenceTableTest {

	@Test
	void shouldShowEachStepsInterferenceAndWhyItIsInvalid() {
		ServerStats server = new ServerStats(0.9, 2.7, null, null, null, null, null, null, null, null, null, null, null,
				null, 0.05);
		Step stolen = new Step("3000 req/s", 3000.0, null, null, 3, Map.of(), server, null,
				new Interference(0.08, 0.02, 0.1, "steal took 8.0 % of the machine's CPU time (limit 5 %)"));
		Step calm = new Step("1000 req/s", 1000.0, null, null, 3, Map.of(), server, null,
				new Interference(0.01, 0.02, 0.1, null));
		String html = render(List.of(calm, stolen));
		assertThat(html).contains("<td>8.0 %</td>", "<td>0.10 cores</td>", "<td>50.00 ms CPU</td>", "<td>valid</td>",
				"invalid: steal took 8.0 %");
	}

	@Test
	void shouldShowNothingForRunsRecordedBeforeInterference() {
		assertThat(render(List.of(new Step("1000 req/s", 1000.0, null, null, 3, Map.of(), null)))).isEmpty();
	}

	private static String render(List<Step> steps) {
		ScenarioRun run = new ScenarioRun("catalog-read", "loom", 1, null, steps, List.of(), Map.of(), null);
		Results results = new Results(null, List.of(), List.of(run), null, List.of(), List.of());
		Page page = new Page();
		InterferenceTable.render(page, new ScenarioSeries("catalog-read", List.of(run), Variants.of(results)));
		return page.body();
	}

}
