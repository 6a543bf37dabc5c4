package dev.loomflux.gatling.simulations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * The injection profiles, chosen by name in the plan. Open model (arrival rates) is the
 * default, so a slow service cannot slow down the arrivals and hide its own queueing;
 * closed steps are for experiments where the number of requests in flight is the
 * variable.
 */
final class Injections {

	/**
	 * New closed-model users of a step arrive over this long, not in one burst of SYNs.
	 */
	private static final int MAX_RAMP_SECONDS = 2;

	private Injections() {
	}

	/** Each step a constant arrival rate for its duration, one step after the other. */
	static List<OpenInjectionStep> openSteps(Plan plan) {
		return plan.steps()
			.stream()
			.map((step) -> (OpenInjectionStep) constantUsersPerSec(step.offeredRate()).during(step.seconds()))
			.toList();
	}

	/**
	 * Users that each loop {@code body} until the end of the plan, added step by step so
	 * that step i has {@code count(step i)} of them in flight. Counts must not decrease:
	 * a looping user cannot be taken back.
	 */
	static List<OpenInjectionStep> loopingUsers(Plan plan, Function<Plan.Step, Integer> count) {
		List<OpenInjectionStep> injection = new ArrayList<>();
		int previous = 0;
		for (Plan.Step step : plan.steps()) {
			int users = count.apply(step);
			if (users < previous) {
				throw new IllegalArgumentException("closed steps must not decrease: " + previous + " then " + users);
			}
			int ramp = (users > previous) ? Math.min(MAX_RAMP_SECONDS, Math.max(1, step.seconds() / 4)) : 0;
			if (users > previous) {
				injection.add(rampUsers(users - previous).during(ramp));
			}
			if (step.seconds() > ramp) {
				injection.add(nothingFor(step.seconds() - ramp));
			}
			previous = users;
		}
		return injection;
	}

	/** {@code body} repeated until the plan's last step is over. */
	static ChainBuilder untilPlanEnds(Plan plan, ChainBuilder body) {
		long totalMillis = 1000L * plan.totalSeconds();
		return asLongAs((session) -> System.currentTimeMillis() < Recording.startMillis() + totalMillis).on(body);
	}

	/**
	 * How long until the plan's last step is over, for users that hold something open.
	 */
	static Duration untilPlanEnd(Plan plan) {
		long end = Recording.startMillis() + 1000L * plan.totalSeconds();
		return Duration.ofMillis(Math.max(0, end - System.currentTimeMillis()));
	}

}
