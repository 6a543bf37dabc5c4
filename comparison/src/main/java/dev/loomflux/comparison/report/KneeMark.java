package dev.loomflux.comparison.report;

import java.util.Optional;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Scenarios;

/**
 * A knee as the report marks it on a chart. The knee itself, of each repeat and across
 * them, is the ledger's ({@link Knee}): one definition, so the page and the verdicts
 * cannot disagree.
 *
 * @param step the knee step; null when no step met the objectives
 * @param highestStep whether the knee is the highest step that ran: the load never went
 * past it, so the true knee is at least this high ({@code ">= X"})
 */
record KneeMark(Step step, boolean highestStep) {

	/** The scenario's p99 objective in ms; empty for scenarios without a knee. */
	static Optional<Double> p99ObjectiveMs(String scenario) {
		return Scenarios.named(scenario).p99ObjectiveMs();
	}

	/** How the report marks a knee the ledger's rule found; empty when not measured. */
	static Optional<KneeMark> of(Knee.Result result) {
		return switch (result.kind()) {
			case NOT_MEASURED -> Optional.empty();
			case BELOW_LOWEST -> Optional.of(new KneeMark(null, false));
			case NOT_REACHED -> Optional.of(new KneeMark(result.step(), true));
			case REACHED -> Optional.of(new KneeMark(result.step(), false));
		};
	}

	/** The knee as the ledger and the report write it. */
	String label() {
		if (this.step == null) {
			return "below the lowest step";
		}
		String rate = Format.number(this.step.offeredRate()) + " req/s";
		return this.highestStep ? ">= " + rate : rate;
	}

}
