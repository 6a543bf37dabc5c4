package dev.loomflux.comparison;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.gatling.Plan;

/**
 * What to run after a scenario's planned steps to pin its knee down
 * (docs/claims.md#the-knee): first, once, a rate where the walk ended on spoiled readings
 * alone (the machine interfered, the step failed while the JIT compiled or while its load
 * generator sent late: {@link Knee.Result#rerun()}), twice when the machine interfered
 * with every reading, unless a rate halfway between it and the last pass is still to be
 * read (the bisection below comes first); then the first failure F again when one reading
 * of it would end a walk that went on passing above it, or when F is the lowest step (a
 * single long GC pause fails a short step at any rate); then, while the last pass P and F
 * are further apart than {@link Profile.Refine#gap()} of P, one open step halfway between
 * them; then the boundary's two sides again where read once: P to confirm it, then F to
 * recheck it. A rate whose readings tie (one pass, one failure) is read a third time, and
 * the majority decides ({@link Knee}); a tie left when the steps run out counts as a
 * failure. At most {@link Profile.Refine#maxSteps()} extra steps per scenario run.
 */
final class KneeSearch {

	static final String REFINE = "refine ";

	static final String CONFIRM = "confirm ";

	static final String RERUN = "rerun ";

	static final String RECHECK = "recheck ";

	static final String TIEBREAK = "tiebreak ";

	/**
	 * A tie is broken, and a rate the machine interfered with twice read again, only
	 * while the rate has fewer readings than this: a third reading.
	 */
	private static final int MAX_READINGS = 3;

	private final Profile.Refine refine;

	private final double p99ObjectiveMs;

	private final int seconds;

	/**
	 * @param seconds how long each extra step lasts (the scenario's own step length)
	 */
	KneeSearch(Profile.Refine refine, double p99ObjectiveMs, int seconds) {
		this.refine = refine;
		this.p99ObjectiveMs = p99ObjectiveMs;
		this.seconds = seconds;
	}

	/**
	 * The next step to run after {@code steps}, or empty when the knee is pinned down.
	 */
	Optional<Plan.Step> next(List<Step> steps) {
		long extra = steps.stream().filter(KneeSearch::isExtra).count();
		if (this.refine == null || extra >= this.refine.maxSteps()) {
			return Optional.empty();
		}
		Knee.Result knee = Knee.of(steps, this.p99ObjectiveMs);
		// a spoiled failure far above the last pass is not read again before the
		// bisection has probed below it: an overload spoils itself (its failures make the
		// JIT recompile and leave the collector work), and re-reading 1,600 req/s after a
		// pass at 800 spent the steps the boundary needed
		if (knee.rerun() != null && rereadable(steps, knee.rerun()) && middle(knee) == null) {
			return Optional.of(step(RERUN, knee.rerun()));
		}
		if (knee.kind() == Knee.Kind.REACHED || knee.kind() == Knee.Kind.BELOW_LOWEST) {
			double fail = knee.failedRate();
			Knee.Readings atFailure = Knee.readingsAt(steps, fail, this.p99ObjectiveMs);
			if (breaksTie(atFailure)) {
				return Optional.of(step(TIEBREAK, fail));
			}
			if (atFailure.count() == 1 && (knee.kind() == Knee.Kind.BELOW_LOWEST || passedAbove(steps, fail))) {
				return Optional.of(step(RECHECK, fail));
			}
		}
		// only a boundary between a pass and a failure can be refined: a knee not
		// reached, below the lowest step or stopped by an invalid step has none
		if (knee.kind() != Knee.Kind.REACHED) {
			return Optional.empty();
		}
		double pass = knee.rate();
		Double middle = middle(knee);
		if (middle != null) {
			return Optional.of(step(REFINE, middle));
		}
		Knee.Readings atPass = Knee.readingsAt(steps, pass, this.p99ObjectiveMs);
		if (breaksTie(atPass)) {
			return Optional.of(step(TIEBREAK, pass));
		}
		if (!this.refine.confirm()) {
			return Optional.empty();
		}
		// both sides of the boundary are read twice: near the knee a 3 s step's p99 is
		// bimodal (reactive-inline's home-fanout read 166, 1,608 and 248 ms at one rate),
		// and a failure read once would move the knee down as often as a pass read once
		// moved it up
		if (atPass.count() == 1) {
			return Optional.of(step(CONFIRM, pass));
		}
		if (Knee.readingsAt(steps, knee.failedRate(), this.p99ObjectiveMs).count() == 1) {
			return Optional.of(step(RECHECK, knee.failedRate()));
		}
		return Optional.empty();
	}

	/**
	 * The rate halfway between a reached knee's last pass and first failure while they
	 * are further apart than {@link Profile.Refine#gap()} of the pass; null when they are
	 * not, or the knee has no such boundary.
	 */
	private Double middle(Knee.Result knee) {
		if (knee.kind() != Knee.Kind.REACHED) {
			return null;
		}
		double middle = Math.round((knee.rate() + knee.failedRate()) / 2);
		boolean between = middle > knee.rate() && middle < knee.failedRate();
		return (knee.resolution() > this.refine.gap() && between) ? middle : null;
	}

	private static boolean breaksTie(Knee.Readings readings) {
		return readings.tied() && readings.count() < MAX_READINGS;
	}

	/**
	 * Whether a rate above {@code rate} met the objectives: the walk would have gone on.
	 */
	private boolean passedAbove(List<Step> steps, double rate) {
		return steps.stream()
			.anyMatch((step) -> step.offeredRate() != null && step.offeredRate() > rate
					&& Boolean.TRUE.equals(Knee.meets(step, this.p99ObjectiveMs)));
	}

	static boolean isExtra(Step step) {
		return step.label() != null && Stream.of(REFINE, CONFIRM, RERUN, RECHECK, TIEBREAK)
			.anyMatch((kind) -> step.label().startsWith(kind));
	}

	/**
	 * Whether a rate read only spoiled is read again: after one reading, and after two
	 * when the machine interfered with both. A shared VM's background work comes in
	 * bursts: platform's catalog-read on an AMD EPYC VM, 7 December, read 500 req/s with
	 * other processes at 12.7 % and then 12.6 % of the service's core, and that ended its
	 * walk at the lowest step, 250 req/s, with every step above it up to 4,000 req/s
	 * passing clean.
	 */
	private static boolean rereadable(List<Step> steps, double rate) {
		List<Step> readings = Knee.stepsAt(steps, rate);
		return readings.size() == 1 || (readings.size() < MAX_READINGS && readings.stream().allMatch(Knee::interfered));
	}

	private Plan.Step step(String kind, double rate) {
		return new Plan.Step(kind + Math.round(rate) + " req/s", rate, null, null, this.seconds);
	}

}
