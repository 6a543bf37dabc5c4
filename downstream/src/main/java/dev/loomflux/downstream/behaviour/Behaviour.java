package dev.loomflux.downstream.behaviour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How one endpoint of the stub behaves: a latency of {@code latency} plus a uniformly
 * distributed extra of up to {@code jitter}; then, with the given probabilities, a 503
 * ({@code errorRate}), no answer at all until the client gives up ({@code hangRate}), or
 * a body that takes {@code slowBody} to arrive ({@code slowBodyRate}).
 */
public record Behaviour(Duration latency, Duration jitter, Double errorRate, Double hangRate, Double slowBodyRate,
		Duration slowBody) {

	public static final Behaviour FAST = new Behaviour(null, null, null, null, null, null);

	/** Anything left out is zero: {@code {"latency":"PT0.1S"}} is a valid behaviour. */
	public Behaviour {
		latency = (latency != null) ? latency : Duration.ZERO;
		jitter = (jitter != null) ? jitter : Duration.ZERO;
		errorRate = (errorRate != null) ? errorRate : 0.0;
		hangRate = (hangRate != null) ? hangRate : 0.0;
		slowBodyRate = (slowBodyRate != null) ? slowBodyRate : 0.0;
		slowBody = (slowBody != null) ? slowBody : Duration.ZERO;
	}

	/** What is wrong with this behaviour; empty when it is valid. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.latency.isNegative() || this.jitter.isNegative() || this.slowBody.isNegative()) {
			problems.add("durations must not be negative");
		}
		double faults = this.errorRate + this.hangRate + this.slowBodyRate;
		if (this.errorRate < 0 || this.hangRate < 0 || this.slowBodyRate < 0 || faults > 1) {
			problems.add("rates must be between 0 and 1 and add up to at most 1");
		}
		return problems;
	}

	/** The delay before this answer starts. */
	public Duration delay(RandomGenerator random) {
		long jitterNanos = this.jitter.toNanos();
		return (jitterNanos > 0) ? this.latency.plusNanos(random.nextLong(jitterNanos + 1)) : this.latency;
	}

	/** Which kind of answer this request gets. */
	public Outcome outcome(RandomGenerator random) {
		double draw = random.nextDouble();
		if (draw < this.errorRate) {
			return Outcome.ERROR;
		}
		if (draw < this.errorRate + this.hangRate) {
			return Outcome.HANG;
		}
		if (draw < this.errorRate + this.hangRate + this.slowBodyRate) {
			return Outcome.SLOW_BODY;
		}
		return Outcome.NORMAL;
	}

	public enum Outcome {

		NORMAL, ERROR, HANG, SLOW_BODY

	}

}
