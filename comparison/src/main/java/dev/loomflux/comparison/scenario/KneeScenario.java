package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Optional;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.Step;

/**
 * An open-model scenario at rising rates whose figure is its knee
 * (docs/claims.md#the-knee) under its own p99 objective.
 */
abstract class KneeScenario implements Scenario {

	private final String name;

	private final double p99ObjectiveMs;

	KneeScenario(String name, double p99ObjectiveMs) {
		this.name = name;
		this.p99ObjectiveMs = p99ObjectiveMs;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Optional<Double> p99ObjectiveMs() {
		return Optional.of(this.p99ObjectiveMs);
	}

	@Override
	public List<String> summaryHeader() {
		return List.of("knee", "worst p99 at the knee", "ok/s at the knee", "repeats");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		Knee.Summary knee = Knee.acrossRuns(evidence.runs(this.name, variant), this.p99ObjectiveMs);
		Step step = knee.median().step();
		return List.of(knee.text(), (step != null) ? Format.orNotMeasured(Steps.worstP99(step), Format::ms) : "-",
				(step != null) ? Format.orNotMeasured(Steps.totalOkPerSecond(step), Format::rate) : "-",
				String.valueOf(evidence.runs(this.name, variant).size()));
	}

}
