package dev.loomflux.gatling.recording;

import java.util.List;

import dev.loomflux.gatling.Plan;
import io.gatling.javaapi.core.OpenInjectionStep;
import scala.collection.Iterator;
import scala.collection.Iterator$;
import scala.concurrent.duration.FiniteDuration;

/**
 * When Gatling means to start each user of one open-model population, as offsets from the
 * start of injection. The offsets come from Gatling's own injection steps (their
 * {@code chain}, package-private in Scala and public in bytecode, the iterator Gatling's
 * injector works through), so they are the schedule itself, not an approximation of it:
 * Gatling spreads each second's users over its milliseconds in a pattern of its own.
 *
 * <p>
 * The n-th user to start takes the n-th offset. Gatling starts users in that order,
 * round-robin over its event loops, so two users due within the same millisecond may swap
 * offsets; their intended times differ by less than that.
 */
public final class Schedule {

	private final List<OpenInjectionStep> steps;

	private final Iterator<FiniteDuration> offsets;

	private Schedule(List<OpenInjectionStep> steps) {
		this.steps = List.copyOf(steps);
		this.offsets = chain(this.steps);
	}

	/** The schedule of a population injected with these steps, in this order. */
	public static Schedule of(List<OpenInjectionStep> steps) {
		return new Schedule(steps);
	}

	/**
	 * The next user's offset from the start of injection, in nanoseconds; -1 once the
	 * schedule is used up.
	 */
	synchronized long nextOffsetNanos() {
		return this.offsets.hasNext() ? this.offsets.next().toNanos() : -1;
	}

	/**
	 * Users due in each of the plan's steps, by their offsets, up to {@code untilMillis}
	 * from the start (when the run stopped early; users due later were never meant to
	 * start).
	 */
	long[] plannedPerStep(Plan plan, long untilMillis) {
		long[] planned = new long[plan.steps().size()];
		Iterator<FiniteDuration> users = chain(this.steps);
		while (users.hasNext()) {
			long offsetMillis = users.next().toMillis();
			if (offsetMillis >= untilMillis) {
				break;
			}
			planned[plan.stepAt(offsetMillis)]++;
		}
		return planned;
	}

	/** As Gatling's UserStream builds it: each step's users, then the next step's. */
	private static Iterator<FiniteDuration> chain(List<OpenInjectionStep> steps) {
		Iterator<FiniteDuration> users = Iterator$.MODULE$.empty();
		for (int index = steps.size() - 1; index >= 0; index--) {
			users = steps.get(index).asScala().chain(users);
		}
		return users;
	}

}
