package dev.loomflux.comparison.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;

/**
 * The knee of an open-model scenario run (docs/claims.md#the-knee): walking up the
 * offered rates, the last rate that passed before the first that failed. A step passes
 * when its requests, all names together, failed under {@value #MAX_ERROR_RATE_PERCENT} %,
 * its ok/s reached {@value #MIN_THROUGHPUT_PERCENT} % of the offered rate (summed over
 * request names: the offered rate is the arrivals of the whole mix), and the p99 of every
 * request name stayed within the scenario's objective. A rate that ran more than once (a
 * confirmation, a recheck) passes when most of its readings passed; a tie fails it (the
 * lower reading wins) until a third reading breaks it, so no single reading, such as one
 * a long GC pause failed, decides a rate that was read again.
 * <p>
 * A pass above the first failure does not count: a service that failed at 3,000/s and
 * passed at 6,000/s has a knee of 1,000/s, not 6,000/s. The walk also ends at a step that
 * is not a valid measurement ({@link Step#invalidReason()}): the knee is then at least
 * the last pass, limited by the load generator or the machine, never a service limit. The
 * highest rate passing is {@code ">= X"}: the run did not find the limit. No rate passing
 * is "below the lowest step". A step whose deciding figures are missing (no requests, a
 * p99 absent although requests succeeded) makes the knee "not measured" rather than a
 * guess.
 * <p>
 * A reading is spoiled when the machine interfered with it, or when it missed the
 * objective while the service's JIT compiler took over {@value #MAX_JIT_SHARE} of its
 * core(s) (a step after an overloaded one, read while the JIT recompiled what the
 * overload deoptimized), or when its load generator sent so late that on time it might
 * have met it ({@link #lateSender}). A rate with a clean reading is judged on its clean
 * readings alone, one without on its valid readings ({@code judged}); a rate read only
 * spoiled is worth reading again ({@link Result#rerun()}, which {@code KneeSearch} does
 * once, twice where the machine interfered every time). Failures read while compiling,
 * with no clean reading beside them, still count as failures: the lower knee, with a
 * note; failures read late only end the walk as a load generator limit.
 */
public final class Knee {

	public static final double MAX_ERROR_RATE_PERCENT = 1;

	/**
	 * The share of the p99 objective above which a failing step's send lateness p99 means
	 * the load generator, not the service, may have made it fail.
	 */
	public static final double MAX_LATENESS_SHARE_OF_OBJECTIVE = 0.1;

	public static final double MIN_THROUGHPUT_PERCENT = 95;

	/**
	 * The share of the service's core(s) its JIT compiler may take in a step that missed
	 * the objective before the step is spoiled. Steps of a steady service measured 0-1 %;
	 * the refinements read on an Intel Xeon VM while loom recompiled after an overloaded
	 * step, 7-16 % (docs/comparison.md).
	 */
	public static final double MAX_JIT_SHARE = 0.05;

	private Knee() {
	}

	/**
	 * The knee of a scenario's runs (one per repeat) under its p99 objective, across the
	 * repeats.
	 */
	public static Summary acrossRuns(List<ScenarioRun> runs, double p99ObjectiveMs) {
		return acrossRepeats(runs.stream().map((run) -> of(run.steps(), p99ObjectiveMs)).toList());
	}

	/**
	 * The knee of a run's steps, in any order (refinement and confirmation steps run
	 * after the planned ones); closed-model steps (no offered rate) are ignored.
	 */
	public static Result of(List<Step> steps, double p99ObjectiveMs) {
		TreeMap<Double, List<Step>> byRate = new TreeMap<>();
		if (steps != null) {
			steps.stream()
				.filter((step) -> step.offeredRate() != null)
				.forEach((step) -> byRate.computeIfAbsent(step.offeredRate(), (rate) -> new ArrayList<>()).add(step));
		}
		if (byRate.isEmpty()) {
			return Result.notMeasured();
		}
		double lowest = byRate.firstKey();
		Step knee = null;
		String note = null;
		// the knee rate's own readings disagreed, but most passed
		String kneeNote = null;
		for (List<Step> readings : byRate.values()) {
			List<Step> atRate = judged(readings, p99ObjectiveMs);
			// no clean reading: the rate is worth reading again
			Double rerun = (spoiled(atRate.getFirst(), p99ObjectiveMs) != null) ? readings.getFirst().offeredRate()
					: null;
			Step invalid = atRate.stream().filter((step) -> step.invalidReason() != null).findFirst().orElse(null);
			if (invalid != null) {
				return limitedBy(invalid, knee, lowest).withRerun(rerun);
			}
			int passed = 0;
			for (Step step : atRate) {
				Boolean meets = meets(step, p99ObjectiveMs);
				if (meets == null) {
					return Result.notMeasured();
				}
				passed += meets ? 1 : 0;
			}
			if (2 * passed <= atRate.size()) {
				Step late = atRate.stream()
					.filter((step) -> lateSender(step, p99ObjectiveMs) != null)
					.findFirst()
					.orElse(null);
				if (late != null) {
					return limitedBy(late, lateSender(late, p99ObjectiveMs), knee, lowest).withRerun(rerun);
				}
				double failed = atRate.getFirst().offeredRate();
				if (passed > 0) {
					note = disagreement(atRate, passed, "the lower reading counts");
				}
				if (rerun != null) {
					note = spoiled(atRate.getLast(), p99ObjectiveMs) + "; no clean reading at " + rateText(failed)
							+ ", so the failure counts";
				}
				if (knee == null) {
					return new Result(Kind.BELOW_LOWEST, null, failed, lowest, null, null, note).withRerun(rerun);
				}
				return new Result(Kind.REACHED, knee.offeredRate(), failed, lowest, knee, null,
						(note != null) ? note : kneeNote)
					.withRerun(rerun);
			}
			knee = atRate.getLast();
			kneeNote = (passed < atRate.size()) ? disagreement(atRate, passed, "the majority counts") : null;
		}
		return new Result(Kind.NOT_REACHED, knee.offeredRate(), null, lowest, knee, null, kneeNote);
	}

	private static String disagreement(List<Step> atRate, int passed, String outcome) {
		return "the runs at " + rateText(atRate.getFirst().offeredRate()) + " disagree (" + passed + " of "
				+ atRate.size() + " passed); " + outcome;
	}

	/**
	 * How a rate was read: the readings {@link #of} judges it on ({@code judged}) and how
	 * many of those met the objectives; a rate not run has none.
	 */
	public static Readings readingsAt(List<Step> steps, double rate, double p99ObjectiveMs) {
		List<Step> judged = judged(stepsAt(steps, rate), p99ObjectiveMs);
		int passed = (int) judged.stream().filter((step) -> Boolean.TRUE.equals(meets(step, p99ObjectiveMs))).count();
		return new Readings(judged.size(), passed);
	}

	/** Every reading of {@code rate} among {@code steps}, in the order they ran. */
	public static List<Step> stepsAt(List<Step> steps, double rate) {
		return steps.stream().filter((step) -> step.offeredRate() != null && step.offeredRate() == rate).toList();
	}

	/**
	 * The readings of one rate it is judged on: the clean ones; when none is clean, the
	 * valid ones (spoiled by the JIT or a late sender, which {@link #of} judges as such);
	 * all of them when none is valid either. An interfered reading beside a valid one
	 * says nothing the valid one does not: reactive's catalog-read on an AMD EPYC VM, 7
	 * December, read 4,000 req/s under 6.4 % steal, then again clean of interference
	 * while its JIT recompiled (11 %), and the first reading ended its walk at 2,000
	 * req/s as an interference limit.
	 */
	private static List<Step> judged(List<Step> readings, double p99ObjectiveMs) {
		List<Step> clean = readings.stream().filter((step) -> spoiled(step, p99ObjectiveMs) == null).toList();
		if (!clean.isEmpty()) {
			return clean;
		}
		List<Step> valid = Steps.valid(readings);
		return valid.isEmpty() ? readings : valid;
	}

	/**
	 * Whether the machine interfered with {@code step} ({@code InterferenceMeter}):
	 * steal, or other processes on the service's core(s).
	 */
	public static boolean interfered(Step step) {
		return step.interference() != null && step.interference().problem() != null;
	}

	/**
	 * @param count the readings a rate is judged on
	 * @param passed how many of them met the objectives
	 */
	public record Readings(int count, int passed) {

		/**
		 * Read more than once, with as many passes as failures: a third reading decides.
		 */
		public boolean tied() {
			return this.count > 0 && 2 * this.passed == this.count;
		}

	}

	/**
	 * Why a reading does not show the service as it is, or null: the machine interfered
	 * with it ({@code InterferenceMeter}), or it missed the objective while the JIT took
	 * over {@value #MAX_JIT_SHARE} of the service's core(s), or it may have missed it
	 * because its load generator sent late ({@link #lateSender}): the generator shares
	 * its core with the stub and, on 2 cores, with the databases a saturated service core
	 * pushes over, and on time again it shows the service. A load generator that fell
	 * behind its schedule (an invalid step) is not a spoiled reading: it would fall
	 * behind again. Nor are GC pauses: every extra step starts from a collected heap
	 * (docs/claims.md#the-knee), so its pauses are its own.
	 */
	static String spoiled(Step step, double p99ObjectiveMs) {
		if (interfered(step)) {
			return step.interference().problem();
		}
		if (!Boolean.FALSE.equals(meets(step, p99ObjectiveMs))) {
			return null;
		}
		if (step.loadGenerator() != null && step.loadGenerator().problem() != null) {
			// behind its schedule it would fall behind again, whatever the JIT did in it
			return null;
		}
		// interference and a load generator behind schedule were answered above: the step
		// is valid here
		String late = lateSender(step, p99ObjectiveMs);
		if (late != null) {
			return late;
		}
		if (compiling(step)) {
			return String.format(Locale.ROOT,
					"the service's JIT took %.0f %% of its core(s) (over %.0f %%) in a step that missed the objective",
					100 * step.server().jitShare(), 100 * MAX_JIT_SHARE);
		}
		return null;
	}

	/**
	 * Whether the service's JIT compiler took over {@value #MAX_JIT_SHARE} of its core(s)
	 * in {@code step}: it was recompiling (what an overload deoptimized), and goes on
	 * doing so under the next load unless warmed up first.
	 */
	public static boolean compiling(Step step) {
		return step.server() != null && step.server().jitShare() != null && step.server().jitShare() > MAX_JIT_SHARE;
	}

	/**
	 * Why a step that failed may have failed because its load generator sent late, or
	 * null: latency is timed from the schedule, so the generator's lateness is charged to
	 * the service. A step that passes did so with it charged and stands; one that fails
	 * with a send lateness p99 over {@value #MAX_LATENESS_SHARE_OF_OBJECTIVE} of the
	 * objective does not show a service limit, unless it would have failed without that
	 * lateness too: by errors or throughput (every planned request was sent, or the step
	 * is invalid), or by a p99 over the objective plus the lateness p99. An overloaded
	 * service makes its generator late as well (its core also serves the stub and the
	 * timeouts): on an AMD EPYC VM loom's home-fanout at 1,600 req/s answered 623 ok/s
	 * with 2,932 errors and a p99 of 1,971 ms, sent 37 ms late, and that ended its knee
	 * as a load generator limit.
	 */
	static String lateSender(Step step, double p99ObjectiveMs) {
		Double lateness = (step.loadGenerator() != null) ? step.loadGenerator().sendLatenessP99Ms() : null;
		if (lateness == null || lateness <= MAX_LATENESS_SHARE_OF_OBJECTIVE * p99ObjectiveMs) {
			return null;
		}
		if (Boolean.FALSE.equals(meets(step, p99ObjectiveMs + lateness))) {
			return null;
		}
		return String.format(Locale.ROOT,
				"load generator limit: it sent late (send lateness p99 %.1f ms, over %.0f %% of the %.0f ms objective) "
						+ "in a step that missed the objective",
				lateness, 100 * MAX_LATENESS_SHARE_OF_OBJECTIVE, p99ObjectiveMs);
	}

	private static Result limitedBy(Step invalid, Step knee, double lowest) {
		return limitedBy(invalid, invalid.invalidReason(), knee, lowest);
	}

	private static Result limitedBy(Step invalid, String reason, Step knee, double lowest) {
		String limit = ((invalid.loadGenerator() != null && invalid.loadGenerator().problem() != null)
				|| reason.startsWith("load generator")) ? "load generator limit" : "interference";
		String why = limit + " at " + rateText(invalid.offeredRate()) + ": " + reason;
		if (knee == null) {
			return new Result(Kind.NOT_MEASURED, null, null, lowest, null, limit, why);
		}
		return new Result(Kind.LIMITED, knee.offeredRate(), null, lowest, knee, limit, why);
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
			Double p99 = Steps.decidingP99(stats);
			if (stats.ok() == 0) {
				// nothing of this name answered: it cannot have met its objective
				meets &= stats.ko() == 0;
			}
			else if (p99 == null) {
				return null;
			}
			else {
				meets &= p99 <= p99ObjectiveMs;
			}
		}
		return meets;
	}

	static String rateText(Double rate) {
		return String.format(Locale.ROOT, "%.0f/s", Objects.requireNonNull(rate));
	}

	/**
	 * The knee across repeats: the median repeat by knee, the lower middle one for an
	 * even count (so it is always a step that was run); repeats that measured no knee are
	 * left out.
	 */
	public static Summary acrossRepeats(List<Result> repeats) {
		List<Result> measured = new ArrayList<>(repeats.stream().filter((r) -> r.kind() != Kind.NOT_MEASURED).toList());
		if (measured.isEmpty()) {
			return new Summary(Result.notMeasured(), List.of());
		}
		measured.sort(ORDER);
		return new Summary(measured.get((measured.size() - 1) / 2), List.copyOf(measured));
	}

	/**
	 * Below the lowest step first; a knee not reached after a reached one at the same
	 * rate.
	 */
	private static final Comparator<Result> ORDER = Comparator
		.comparingDouble((Result r) -> (r.rate() != null) ? r.rate() : Double.NEGATIVE_INFINITY)
		.thenComparing(Result::lowerBound);

	public enum Kind {

		/** A higher rate was run and failed the objectives. */
		REACHED,
		/** The highest rate met them: the knee is at least there. */
		NOT_REACHED,
		/**
		 * A step that was not a valid measurement (the load generator fell behind, the
		 * machine interfered) ended the walk: the knee is at least the last pass.
		 */
		LIMITED,
		/** No step met them. */
		BELOW_LOWEST,
		/** A deciding figure was missing. */
		NOT_MEASURED

	}

	/**
	 * @param kind how the knee was found
	 * @param rate the knee's offered rate; null below the lowest step or not measured
	 * @param failedRate the first failing rate above the knee (the lowest rate when below
	 * it): the true limit lies between the two; null when no rate failed
	 * @param lowestRate the lowest offered rate of the run (for "below"), null if not
	 * measured
	 * @param step the knee step (of several runs at its rate, the last)
	 * @param limit what ended the walk when it was not the service, "load generator
	 * limit" or "interference" (LIMITED, or NOT_MEASURED at the lowest step); null
	 * otherwise
	 * @param note why the walk ended there (the invalid step's reason), or a disagreement
	 * between runs at the same rate; null when there is nothing to add
	 * @param rerun the rate where the walk ended when every reading of it was spoiled
	 * ({@link Knee#spoiled}): worth reading again; null otherwise
	 */
	public record Result(Kind kind, Double rate, Double failedRate, Double lowestRate, Step step, String limit,
			String note, Double rerun) {

		public Result(Kind kind, Double rate, Double failedRate, Double lowestRate, Step step, String limit,
				String note) {
			this(kind, rate, failedRate, lowestRate, step, limit, note, null);
		}

		public static Result notMeasured() {
			return new Result(Kind.NOT_MEASURED, null, null, null, null, null, null);
		}

		Result withRerun(Double rate) {
			return new Result(this.kind, this.rate, this.failedRate, this.lowestRate, this.step, this.limit, this.note,
					rate);
		}

		/**
		 * How finely the run located a reached knee: the gap to the first failure as a
		 * share of the knee; null for any other kind.
		 */
		public Double resolution() {
			return (this.kind == Kind.REACHED) ? (this.failedRate - this.rate) / this.rate : null;
		}

		/** Whether the knee is a lower bound ({@code ">= X"}), not a limit found. */
		public boolean lowerBound() {
			return this.kind == Kind.NOT_REACHED || this.kind == Kind.LIMITED;
		}

		/**
		 * {@code "1200/s"}, {@code ">= 2000/s"},
		 * {@code ">= 2000/s (load generator limit)"}, {@code "below 500/s"}, "not
		 * measured".
		 */
		public String text() {
			return switch (this.kind) {
				case REACHED -> rateText(this.rate);
				case NOT_REACHED -> ">= " + rateText(this.rate);
				case LIMITED -> ">= " + rateText(this.rate) + " (" + this.limit + ")";
				case BELOW_LOWEST -> "below " + rateText(this.lowestRate);
				case NOT_MEASURED -> (this.limit != null) ? "not measured (" + this.limit + ")" : "not measured";
			};
		}

	}

	/**
	 * @param median the median repeat's knee
	 * @param measured the knee of each repeat that measured one, lowest first
	 */
	public record Summary(Result median, List<Result> measured) {

		/** The lowest repeat's knee. */
		public Result min() {
			return this.measured.isEmpty() ? Result.notMeasured() : this.measured.getFirst();
		}

		/** The highest repeat's knee. */
		public Result max() {
			return this.measured.isEmpty() ? Result.notMeasured() : this.measured.getLast();
		}

		/** How many repeats measured a knee. */
		public int repeats() {
			return this.measured.size();
		}

		/** {@code "1200/s"}, or {@code "1200/s (1000/s..1400/s)"} across repeats. */
		public String text() {
			if (repeats() <= 1 || min().text().equals(max().text())) {
				return this.median.text();
			}
			return this.median.text() + " (" + min().text() + ".." + max().text() + ")";
		}

	}

}
