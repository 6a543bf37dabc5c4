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

		/** Within the margin wherever in their ranges the true knees lie. */
		WITHIN,
		/** The first leads by more than the margin wherever the true knees lie. */
		FIRST_LEADS,
		/** The second leads by more than the margin. */
		SECOND_LEADS,
		/**
		 * The tested steps cannot tell: both ">= X", even at the same X (neither limit
		 * was found), or ranges that allow a lead as well as a gap within the margin.
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
	 * step below it. A verdict holds wherever in their ranges the true knees lie: a lead
	 * when one range's top is more than the margin below the other's bottom, within when
	 * each range's bottom is within the margin of the other's top. Anything between, the
	 * tested steps cannot tell: comparing the two rates alone would let a gap that one
	 * refinement step could move decide the verdict (an Intel Xeon VM's two runs read
	 * loom's and reactive-inline's mixed knees 15 % and 21 % apart, either side of the 20
	 * % margin, with loom's two knees one refinement step apart).
	 * @param margin the largest gap, as a share of the larger knee, that still counts as
	 * equal
	 */
	static Outcome compare(Knee.Result first, Knee.Result second, double margin) {
		if (first.kind() == Knee.Kind.NOT_MEASURED || second.kind() == Knee.Kind.NOT_MEASURED) {
			return Outcome.NOT_MEASURED;
		}
		return compare(new Range(bottom(first), top(first)), new Range(bottom(second), top(second)), margin);
	}

	/**
	 * Two knees across repeats, each the range from its lowest repeat's bottom to its
	 * highest repeat's top, so that a verdict holds whichever repeat is picked: the
	 * median repeat alone (the lower of two) let one slow repeat decide (an AMD EPYC VM's
	 * reactive-inline mixed knees were 938/s and 1,500/s in one run's two repeats, and
	 * the lower made loom lead it by more than 20 %).
	 */
	static Outcome compare(Knee.Summary first, Knee.Summary second, double margin) {
		if (first.repeats() == 0 || second.repeats() == 0) {
			return Outcome.NOT_MEASURED;
		}
		return compare(range(first), range(second), margin);
	}

	private static Outcome compare(Range first, Range second, double margin) {
		if (second.top() <= first.bottom() * (1 - margin)) {
			return Outcome.FIRST_LEADS;
		}
		if (first.top() <= second.bottom() * (1 - margin)) {
			return Outcome.SECOND_LEADS;
		}
		if (first.bottom() >= second.top() * (1 - margin) && second.bottom() >= first.top() * (1 - margin)) {
			return Outcome.WITHIN;
		}
		return Outcome.UNDETERMINED;
	}

	private static Range range(Knee.Summary knee) {
		return new Range(knee.measured().stream().mapToDouble(KneeComparison::bottom).min().orElseThrow(),
				knee.measured().stream().mapToDouble(KneeComparison::top).max().orElseThrow());
	}

	/** Where a knee's true value lies: at least {@code bottom}, below {@code top}. */
	private record Range(double bottom, double top) {
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
