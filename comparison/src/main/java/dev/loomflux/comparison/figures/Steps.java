package dev.loomflux.comparison.figures;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/** Figures of one step, each null when the step did not measure it. */
public final class Steps {

	private Steps() {
	}

	/**
	 * The steps that measured the service: those the load generator kept to its schedule
	 * in and the machine did not interfere with ({@link Step#invalidReason()}). No figure
	 * derived from a run rests on any other.
	 */
	public static List<Step> valid(List<Step> steps) {
		return steps.stream().filter((step) -> step.invalidReason() == null).toList();
	}

	/** ko / (ok + ko) over every request name of the step. */
	public static Double errorRate(Step step) {
		long ok = 0;
		long ko = 0;
		for (RequestStats stats : requests(step).values()) {
			ok += stats.ok();
			ko += stats.ko();
		}
		return (ok + ko > 0) ? (double) ko / (ok + ko) : null;
	}

	/** Error rate of one request name. */
	public static Double errorRate(Step step, String name) {
		RequestStats stats = requests(step).get(name);
		if (stats == null || stats.ok() + stats.ko() == 0) {
			return null;
		}
		return (double) stats.ko() / (stats.ok() + stats.ko());
	}

	/**
	 * The p99 the knee and the rules decide on: of every request, failures and timeouts
	 * at the time they took, timed from the intended send time (RequestStats#allP99), so
	 * up to 1 % of timeouts cannot hide behind a success-only p99. Results recorded
	 * before the load generator measured it have only the success-only p99, which is used
	 * then.
	 */
	public static Double decidingP99(RequestStats stats) {
		return (stats.allP99() != null) ? stats.allP99() : stats.p99();
	}

	public static Double p99(Step step, String name) {
		RequestStats stats = requests(step).get(name);
		return (stats != null) ? decidingP99(stats) : null;
	}

	public static Double max(Step step, String name) {
		RequestStats stats = requests(step).get(name);
		return (stats != null) ? stats.max() : null;
	}

	/** The worst p99 over the request names of the step. */
	public static Double worstP99(Step step) {
		Double worst = null;
		for (RequestStats stats : requests(step).values()) {
			Double p99 = decidingP99(stats);
			if (p99 != null && (worst == null || p99 > worst)) {
				worst = p99;
			}
		}
		return worst;
	}

	public static Double okPerSecond(Step step, String name) {
		RequestStats stats = requests(step).get(name);
		return (stats != null) ? stats.okPerSecond() : null;
	}

	public static Double totalOkPerSecond(Step step) {
		Map<String, RequestStats> requests = requests(step);
		return requests.isEmpty() ? null : requests.values().stream().mapToDouble(RequestStats::okPerSecond).sum();
	}

	public static Double totalOk(Step step) {
		Map<String, RequestStats> requests = requests(step);
		return requests.isEmpty() ? null : (double) requests.values().stream().mapToLong(RequestStats::ok).sum();
	}

	public static Double server(Step step, Function<ServerStats, Double> figure) {
		return (step.server() != null) ? figure.apply(step.server()) : null;
	}

	/** CPU seconds the process used per successful request of the step. */
	public static Double cpuSecondsPerOk(Step step) {
		Double cpuSeconds = server(step, ServerStats::cpuSeconds);
		Double ok = totalOk(step);
		return (cpuSeconds != null && ok != null && ok > 0) ? cpuSeconds / ok : null;
	}

	public static Map<String, RequestStats> requests(Step step) {
		return (step.requests() != null) ? step.requests() : Map.of();
	}

}
