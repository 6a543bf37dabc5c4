package dev.loomflux.comparison.report;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Scenarios;

/**
 * What a scenario's steps vary, and so the x axis of its charts: the background CPU work
 * (cpu-neighbour), the offered rate (open model) or the concurrency (closed model).
 *
 * @param label the axis title
 * @param x the step's position on it; null for a step that is not on this axis
 * @param closed whether the scenario is closed-model (memory and threads are plotted)
 */
record Axis(String label, Function<Step, Double> x, boolean closed) {

	static Axis of(String scenario, List<Step> steps) {
		if (steps.stream().anyMatch((step) -> step.background() != null)) {
			return new Axis("background CPU requests in flight", (step) -> number(step.background()), false);
		}
		if (steps.stream().anyMatch((step) -> step.offeredRate() != null)) {
			return new Axis("offered load (req/s)", Step::offeredRate, false);
		}
		return new Axis(Scenarios.named(scenario).closedAxisLabel(), (step) -> number(step.concurrency()), true);
	}

	/** Logarithmic when the steps span more than a factor of 20 and none is 0. */
	boolean log(List<Step> steps) {
		List<Double> xs = steps.stream().map(this.x).filter(Objects::nonNull).toList();
		double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		return min > 0 && max / min > 20;
	}

	private static Double number(Integer value) {
		return (value != null) ? value.doubleValue() : null;
	}

}
