package dev.loomflux.comparison.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.loomflux.comparison.ledger.Knee;
import dev.loomflux.comparison.results.Step;

/**
 * A knee as the report marks it on a chart. The rule itself is the ledger's
 * ({@link Knee}): one definition, so the page and the verdicts cannot disagree.
 *
 * @param step the knee step; null when no step met the objectives
 * @param highestStep whether the knee is the highest step that ran: the load never went
 * past it, so the true knee is at least this high ({@code ">= X"})
 */
record KneeMark(Step step, boolean highestStep) {

	private static final Comparator<KneeMark> ORDER = Comparator
		.comparingDouble((KneeMark knee) -> (knee.step == null) ? Double.NEGATIVE_INFINITY : knee.step.offeredRate())
		.thenComparing(KneeMark::highestStep);

	/** The scenario's p99 objective in ms; empty for scenarios without a knee. */
	static Optional<Double> p99ObjectiveMs(String scenario) {
		return Optional.ofNullable(Knee.P99_OBJECTIVE_MS.get(scenario));
	}

	/**
	 * The knee of one run's steps; empty when the scenario has none or it was not
	 * measured.
	 */
	static Optional<KneeMark> of(String scenario, List<Step> steps) {
		return p99ObjectiveMs(scenario).flatMap((objective) -> {
			Knee.Result result = Knee.of(steps, objective);
			return switch (result.kind()) {
				case NOT_MEASURED -> Optional.empty();
				case BELOW_LOWEST -> Optional.of(new KneeMark(null, false));
				case NOT_REACHED -> Optional.of(new KneeMark(result.step(), true));
				case REACHED -> Optional.of(new KneeMark(result.step(), false));
			};
		});
	}

	/**
	 * The median knee of several repeats: the lower median, so that it is always a knee
	 * one of the repeats found. "Below the lowest step" ranks lowest.
	 */
	static KneeMark median(List<KneeMark> knees) {
		List<KneeMark> sorted = knees.stream().sorted(ORDER).toList();
		return sorted.get((sorted.size() - 1) / 2);
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
