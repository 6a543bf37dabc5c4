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
	 * Each knee is a range its true value lies in: from a reached knee up to the first
	 * failure above it, from a lower bound up without end, from zero up to the lowest
	 * step below it. A lead is certain when one range's top is more than the margin below
	 * the other's bottom. Otherwise only two reached knees, each located within the
	 * margin (the knee search's gap to the first failure at most the margin), are
	 * compared by their rates; anything else the tested steps cannot tell.
	 * @param margin the largest gap, as a share of the larger knee, that still counts as
	 * equal
	 */
	static Outcome compare(Knee.Result first, Knee.Result second, double margin) {
		if (first.kind() == Knee.Kind.NOT_MEASURED || second.kind() == Knee.Kind.NOT_MEASURED) {
			return Outcome.NOT_MEASURED;
		}
		if (top(second) <= bottom(first) * (1 - margin)) {
			return Outcome.FIRST_LEADS;
		}
		if (top(first) <= bottom(second) * (1 - margin)) {
			return Outcome.SECOND_LEADS;
		}
		if (!located(first, margin) || !located(second, margin)) {
			return Outcome.UNDETERMINED;
		}
		double a = first.rate();
		double b = second.rate();
		if (Math.abs(a - b) <= margin * Math.max(a, b)) {
			return Outcome.WITHIN;
		}
		return (a > b) ? Outcome.FIRST_LEADS : Outcome.SECOND_LEADS;
	}

	/** Whether a reached knee's gap to the first failure is within the margin. */
	static boolean located(Knee.Result knee, double margin) {
		return knee.kind() == Knee.Kind.REACHED && knee.resolution() <= margin;
	}

	private static double bottom(Knee.Result knee) {
		return (knee.kind() == Knee.Kind.BELOW_LOWEST) ? 0 : knee.rate();
	}

	private static double top(Knee.Result knee) {
		return switch (knee.kind()) {
			case REACHED, BELOW_LOWEST -> knee.failedRate();
			default -> Double.POSITIVE_INFINITY;
		};
	}

}
