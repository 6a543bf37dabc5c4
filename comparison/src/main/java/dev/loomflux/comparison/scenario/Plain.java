package dev.loomflux.comparison.scenario;

import java.util.List;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;

/** A scenario with no class of its own: its last step's figures. */
record Plain(String name) implements Scenario {

	@Override
	public List<String> summaryHeader() {
		return List.of("steps", "worst p99 at the last step", "errors at the last step");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		ScenarioRun run = evidence.runs(name(), variant).getFirst();
		Step last = run.steps().getLast();
		return List.of(String.valueOf(run.steps().size()), Format.orNotMeasured(Steps.worstP99(last), Format::ms),
				Format.orNotMeasured(Steps.errorRate(last), Format::percent));
	}

}
