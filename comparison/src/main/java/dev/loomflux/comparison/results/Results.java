package dev.loomflux.comparison.results;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one comparison run measured: what {@code results.json} holds, what the
 * claims ledger and the report are computed from. A figure that could not be measured is
 * {@code null}, never zero, and the report says so.
 *
 * @param manifest the conditions of the run
 * @param footprints per variant: start-up, idle memory and the warm-up
 * @param scenarios one entry per scenario, variant and repeat
 * @param microbenchmarks hand-off cost and parked-task size, measured outside HTTP
 * @param codeMetrics the two implementations of each feature, counted (claim C13)
 * @param claims the claims ledger computed from all of the above (also in summary.md)
 */
public record Results(Manifest manifest, List<Footprint> footprints, List<ScenarioRun> scenarios,
		Microbenchmarks microbenchmarks, List<CodeMetrics> codeMetrics, List<ClaimVerdict> claims) {

	/** The manifest's scenarios in order, then any that ran without being listed. */
	public List<String> scenarioNames() {
		return names((manifest) -> manifest.scenarios(), ScenarioRun::scenario);
	}

	/** The manifest's variants in order, then any that ran without being listed. */
	public List<String> variantNames() {
		return names((manifest) -> manifest.variants(), ScenarioRun::variant);
	}

	private List<String> names(Function<Manifest, List<String>> listed, Function<ScenarioRun, String> ran) {
		Set<String> names = new LinkedHashSet<>();
		if (this.manifest != null && listed.apply(this.manifest) != null) {
			names.addAll(listed.apply(this.manifest));
		}
		if (this.scenarios != null) {
			this.scenarios.forEach((run) -> names.add(ran.apply(run)));
		}
		return List.copyOf(names);
	}

}
