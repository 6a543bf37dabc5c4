package dev.loomflux.comparison.report;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Scenarios;

/**
 * The figures the report plots for a step; null where the step has none. In cpu-neighbour
 * the "insights" requests are the background, so they are left out of the foreground
 * figures.
 */
final class StepFigures {

	private StepFigures() {
	}

	static boolean isBackground(String scenario, String request) {
		return Scenarios.named(scenario).backgroundRequest().filter(request::equals).isPresent();
	}

	static Stream<Map.Entry<String, RequestStats>> foreground(String scenario, Step step) {
		Map<String, RequestStats> requests = (step.requests() != null) ? step.requests() : Map.of();
		return requests.entrySet().stream().filter((entry) -> !isBackground(scenario, entry.getKey()));
	}

	/** ok/s summed over the foreground request names. */
	static Function<Step, Double> okPerSecond(String scenario) {
		return (step) -> foreground(scenario, step).map((e) -> e.getValue().okPerSecond())
			.reduce(Double::sum)
			.orElse(null);
	}

	/** p99 of the slowest foreground request name: the one the knee rule looks at. */
	static Function<Step, Double> worstP99(String scenario) {
		return (step) -> foreground(scenario, step).map((e) -> Steps.decidingP99(e.getValue()))
			.filter(Objects::nonNull)
			.max(Double::compare)
			.orElse(null);
	}

	/** Failed share of all requests of the step, background included. */
	static Double errorRate(Step step) {
		if (step.requests() == null) {
			return null;
		}
		long ok = step.requests().values().stream().mapToLong(RequestStats::ok).sum();
		long ko = step.requests().values().stream().mapToLong(RequestStats::ko).sum();
		return (ok + ko > 0) ? 100.0 * ko / (ok + ko) : null;
	}

	/** ok/s of the scenario's background request name, if it has one. */
	static Function<Step, Double> backgroundOkPerSecond(String scenario) {
		return (step) -> Scenarios.named(scenario)
			.backgroundRequest()
			.map((name) -> (step.requests() != null) ? step.requests().get(name) : null)
			.map(RequestStats::okPerSecond)
			.orElse(null);
	}

	static Function<Step, Double> server(Function<ServerStats, Double> figure) {
		return (step) -> (step.server() != null) ? figure.apply(step.server()) : null;
	}

	static Function<Step, Double> serverMib(Function<ServerStats, Double> figure) {
		return (step) -> Format.mib(server(figure).apply(step));
	}

	static Function<Step, Double> request(String name, Function<RequestStats, Double> figure) {
		return (step) -> {
			RequestStats stats = (step.requests() != null) ? step.requests().get(name) : null;
			return (stats != null) ? figure.apply(stats) : null;
		};
	}

}
