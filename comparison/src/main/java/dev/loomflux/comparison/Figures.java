package dev.loomflux.comparison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * Figures derived from a whole scenario run rather than one step: memory per in-flight
 * request (concurrency-sweep) and per open stream (connections), as the slope between the
 * lowest and the highest step. A figure whose inputs are missing is left out, not set to
 * zero.
 */
final class Figures {

	private Figures() {
	}

	static Map<String, Double> derive(String scenario, List<Step> steps) {
		Map<String, Double> figures = new LinkedHashMap<>();
		if (steps.size() < 2) {
			return figures;
		}
		switch (scenario) {
			case "concurrency-sweep" -> {
				slope(steps, ServerStats::heapUsedBytes)
					.ifPresent((value) -> figures.put("heapBytesPerInFlight", value));
				slope(steps, ServerStats::rssBytes).ifPresent((value) -> figures.put("rssBytesPerInFlight", value));
			}
			case "connections" -> {
				slope(steps, ServerStats::heapUsedBytes).ifPresent((value) -> figures.put("heapBytesPerStream", value));
				slope(steps, ServerStats::rssBytes).ifPresent((value) -> figures.put("rssBytesPerStream", value));
			}
			default -> {
			}
		}
		return figures;
	}

	/**
	 * (figure at the last step - at the first) / (concurrency at the last - at the
	 * first).
	 */
	static java.util.Optional<Double> slope(List<Step> steps, Function<ServerStats, Double> figure) {
		Step first = steps.getFirst();
		Step last = steps.getLast();
		if (first.concurrency() == null || last.concurrency() == null || first.server() == null
				|| last.server() == null) {
			return java.util.Optional.empty();
		}
		Double low = figure.apply(first.server());
		Double high = figure.apply(last.server());
		int users = last.concurrency() - first.concurrency();
		if (low == null || high == null || users <= 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of((high - low) / users);
	}

}
