package dev.loomflux.comparison.ledger;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.scenario.Scenarios;

/**
 * Two knees compared within a margin, honest about knees that were not reached or were
 * stopped by an invalid step (">= X": the true knee may be anywhere above) or lie below
 * the lowest step.
 */
public final class KneeComparison {

	enum Outcome {

		/** Both reached and within the margin. */
		WITHIN,
		/** The first leads by more than the margin. */
		FIRST_LEADS,
		/** The second leads by more than the margin. */
		SECOND_LEADS,
		/**
		 * The tested steps cannot tell, e.g. both ">= X", even at the same X: neither
		 * limit was found.
		 */
		UNDETERMINED,
		/** A knee is missing. */
		NOT_MEASURED

	}

	private KneeComparison() {
	}

	public static Knee.Summary knee(Evidence evidence, String scenario, String variant) {
		double objective = Scenarios.named(scenario)
			.p99ObjectiveMs()
			.orElseThrow(() -> new IllegalArgumentException("No p99 objective for scenario " + scenario));
		return Knee.acrossRuns(evidence.runs(scenario, variant), objective);
	}

	/**
	 * @param margin the largest gap, as a share of the larger knee, that still counts as
	 * equal
	 */
	static Outcome compare(Knee.Result first, Knee.Result second, double margin) {
		if (first.kind() == Knee.Kind.NOT_MEASURED || second.kind() == Knee.Kind.NOT_MEASURED) {
			return Outcome.NOT_MEASURED;
		}
		boolean firstBelow = first.kind() == Knee.Kind.BELOW_LOWEST;
		boolean secondBelow = second.kind() == Knee.Kind.BELOW_LOWEST;
		if (firstBelow && secondBelow) {
			return Outcome.UNDETERMINED;
		}
		if (firstBelow || secondBelow) {
			// the one below is under its lowest step; apart for sure only if that step is
			// already beyond the margin under the other's knee
			Knee.Result below = firstBelow ? first : second;
			Knee.Result other = firstBelow ? second : first;
			boolean apart = below.lowestRate() <= other.rate() * (1 - margin);
			return apart ? (firstBelow ? Outcome.SECOND_LEADS : Outcome.FIRST_LEADS) : Outcome.UNDETERMINED;
		}
		double a = first.rate();
		double b = second.rate();
		// a knee not reached and one stopped by the load generator or the machine are
		// both lower bounds
		boolean firstOpen = first.lowerBound();
		boolean secondOpen = second.lowerBound();
		boolean within = Math.abs(a - b) <= margin * Math.max(a, b);
		if (!firstOpen && !secondOpen) {
			return within ? Outcome.WITHIN : ((a > b) ? Outcome.FIRST_LEADS : Outcome.SECOND_LEADS);
		}
		if (firstOpen && secondOpen) {
			// both passed every step: the run did not find either limit,
			// so it cannot compare them
			return Outcome.UNDETERMINED;
		}
		// one is a lower bound: only a reached knee far enough below it decides
		double open = firstOpen ? a : b;
		double reached = firstOpen ? b : a;
		if (reached < open * (1 - margin)) {
			return firstOpen ? Outcome.FIRST_LEADS : Outcome.SECOND_LEADS;
		}
		return Outcome.UNDETERMINED;
	}

}
