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
 * @param highestStep whether the knee is a lower bound ({@code ">= X"}): the highest rate
 * passed, or an invalid step (load generator limit, interference) ended the search
 * @param label the knee as the ledger writes it
 */
record KneeMark(Step step, boolean highestStep, String label) {

	/** The scenario's p99 objective in ms; empty for scenarios without a knee. */
	static Optional<Double> p99ObjectiveMs(String scenario) {
		return Scenarios.named(scenario).p99ObjectiveMs();
	}

	/** How the report marks a knee the ledger's rule found; empty when not measured. */
	static Optional<KneeMark> of(Knee.Result result) {
		return switch (result.kind()) {
			case NOT_MEASURED -> Optional.empty();
			case BELOW_LOWEST -> Optional.of(new KneeMark(null, false, "below the lowest step"));
			case NOT_REACHED, LIMITED, REACHED ->
				Optional.of(new KneeMark(result.step(), result.lowerBound(), label(result)));
		};
	}

	private static String label(Knee.Result result) {
		String rate = Format.number(result.rate()) + " req/s";
		return switch (result.kind()) {
			case REACHED -> rate;
			case LIMITED -> ">= " + rate + " (" + result.limit() + ")";
			default -> ">= " + rate;
		};
	}

}
