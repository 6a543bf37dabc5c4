package dev.loomflux.comparison.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;

/**
 * The knee of an open-model scenario run (docs/claims.md#the-knee): the highest
 * {@code offeredRate} step whose requests, all names together, failed under
 * {@value #MAX_ERROR_RATE_PERCENT} %, whose ok/s reached {@value #MIN_THROUGHPUT_PERCENT}
 * % of the offered rate (summed over request names: the offered rate is the arrivals of
 * the whole mix), and where the p99 of every request name stayed within the scenario's
 * objective.
 * <p>
 * The knee counts as reached only when a higher step was run and failed. When the highest
 * step meets the objectives (whether or not a lower one missed them by noise) the knee is
 * reported as {@code ">= X"}: the run did not find the limit. No step meeting them is
 * "below the lowest step". A step whose deciding figures are missing (no requests, a p99
 * absent although requests succeeded) makes the knee "not measured" rather than a guess.
 */
public final class Knee {

	public static final double MAX_ERROR_RATE_PERCENT = 1;

	public static final double MIN_THROUGHPUT_PERCENT = 95;

	private Knee() {
	}

	/**
	 * The knee of a scenario's runs (one per repeat) under its p99 objective, across the
	 * repeats.
	 */
	public static Summary acrossRuns(List<ScenarioRun> runs, double p99ObjectiveMs) {
		return acrossRepeats(runs.stream().map((run) -> of(run.steps(), p99ObjectiveMs)).toList());
	}

	/** The knee of a run's steps; closed-model steps (no offered rate) are ignored. */
	public static Result of(List<Step> steps, double p99ObjectiveMs) {
		List<Step> open = (steps == null) ? List.of()
				: steps.stream()
					.filter((step) -> step.offeredRate() != null)
					.sorted(Comparator.comparingDouble(Step::offeredRate))
					.toList();
		if (open.isEmpty()) {
			return Result.notMeasured();
		}
		Step knee = null;
		for (Step step : open) {
			Boolean meets = meets(step, p99ObjectiveMs);
			if (meets == null) {
				return Result.notMeasured();
			}
			if (meets) {
				knee = step;
			}
		}
		double lowest = open.getFirst().offeredRate();
		if (knee == null) {
			return new Result(Kind.BELOW_LOWEST, null, lowest, null);
		}
		Kind kind = (knee == open.getLast()) ? Kind.NOT_REACHED : Kind.REACHED;
		return new Result(kind, knee.offeredRate(), lowest, knee);
	}

	/**
	 * Whether a step meets the objectives; null when a deciding figure is missing.
	 */
	public static Boolean meets(Step step, double p99ObjectiveMs) {
		Double errorRate = Steps.errorRate(step);
		if (errorRate == null || step.offeredRate() == null) {
			return null;
		}
		boolean meets = errorRate * 100 < MAX_ERROR_RATE_PERCENT
				&& Steps.totalOkPerSecond(step) >= step.offeredRate() * MIN_THROUGHPUT_PERCENT / 100;
		for (RequestStats stats : step.requests().values()) {
			if (stats.ok() == 0) {
				// nothing of this name answered: it cannot have met its objective
				meets &= stats.ko() == 0;
			}
			else if (stats.p99() == null) {
				return null;
			}
			else {
				meets &= stats.p99() <= p99ObjectiveMs;
			}
		}
		return meets;
	}

	/**
	 * The knee across repeats: the median repeat by knee, the lower middle one for an
	 * even count (so it is always a step that was run); repeats that measured no knee are
	 * left out.
	 */
	public static Summary acrossRepeats(List<Result> repeats) {
		List<Result> measured = new ArrayList<>(repeats.stream().filter((r) -> r.kind() != Kind.NOT_MEASURED).toList());
		if (measured.isEmpty()) {
			return new Summary(Result.notMeasured(), Result.notMeasured(), Result.notMeasured(), 0);
		}
		measured.sort(ORDER);
		return new Summary(measured.get((measured.size() - 1) / 2), measured.getFirst(), measured.getLast(),
				measured.size());
	}

	/**
	 * Below the lowest step first; a knee not reached after a reached one at the same
	 * rate.
	 */
	private static final Comparator<Result> ORDER = Comparator
		.comparingDouble((Result r) -> (r.rate() != null) ? r.rate() : Double.NEGATIVE_INFINITY)
		.thenComparing((r) -> r.kind() == Kind.NOT_REACHED);

	public enum Kind {

		/** A higher step was run and failed the objectives. */
		REACHED,
		/** The highest step met them: the knee is at least there. */
		NOT_REACHED,
		/** No step met them. */
		BELOW_LOWEST,
		/** A deciding figure was missing. */
		NOT_MEASURED

	}

	/**
	 * @param kind how the knee was found
	 * @param rate the knee's offered rate; null below the lowest step or not measured
	 * @param lowestRate the lowest offered rate of the run (for "below"), null if not
	 * measured
	 * @param step the knee step
	 */
	public record Result(Kind kind, Double rate, Double lowestRate, Step step) {

		public static Result notMeasured() {
			return new Result(Kind.NOT_MEASURED, null, null, null);
		}

		/**
		 * {@code "1200/s"}, {@code ">= 2000/s"}, {@code "below 500/s"}, "not measured".
		 */
		public String text() {
			return switch (this.kind) {
				case REACHED -> rateText(this.rate);
				case NOT_REACHED -> ">= " + rateText(this.rate);
				case BELOW_LOWEST -> "below " + rateText(this.lowestRate);
				case NOT_MEASURED -> "not measured";
			};
		}

		private static String rateText(Double rate) {
			return String.format(Locale.ROOT, "%.0f/s", Objects.requireNonNull(rate));
		}

	}

	/**
	 * @param median the median repeat's knee
	 * @param min the lowest repeat's knee
	 * @param max the highest repeat's knee
	 * @param repeats how many repeats measured a knee
	 */
	public record Summary(Result median, Result min, Result max, int repeats) {

		/** {@code "1200/s"}, or {@code "1200/s (1000/s..1400/s)"} across repeats. */
		public String text() {
			if (this.repeats <= 1 || this.min.text().equals(this.max.text())) {
				return this.median.text();
			}
			return this.median.text() + " (" + this.min.text() + ".." + this.max.text() + ")";
		}

	}

}
