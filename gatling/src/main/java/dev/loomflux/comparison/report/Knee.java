package dev.loomflux.comparison.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.loomflux.comparison.results.RequestStats;
import dev.loomflux.comparison.results.Step;

/**
 * A variant's knee in one scenario run: the highest open-model step (by offered rate)
 * that meets the scenario's objectives (see notes/conventions.md): fewer than 1 % failed
 * requests over all request names, ok/s at least 95 % of the offered rate, and the p99 of
 * every request name within the scenario's objective.
 *
 * @param step the knee step; null when no step met the objectives
 * @param highestStep whether the knee is the highest step that ran: the load never went
 * past it, so the true knee is at least this high ({@code ">= X"})
 */
public record Knee(Step step, boolean highestStep) {

	/** p99 objectives (ms) of the scenarios that have a knee. */
	private static final Map<String, Double> P99_OBJECTIVE_MS = Map.of("catalog-read", 100.0, "home-fanout", 300.0,
			"mixed", 500.0);

	static final double MAX_ERROR_RATE = 0.01;

	static final double MIN_THROUGHPUT_SHARE = 0.95;

	private static final Comparator<Knee> ORDER = Comparator
		.comparingDouble((Knee knee) -> (knee.step == null) ? Double.NEGATIVE_INFINITY : knee.step.offeredRate())
		.thenComparing(Knee::highestStep);

	/** The scenario's p99 objective in ms; empty for scenarios without a knee. */
	public static Optional<Double> p99ObjectiveMs(String scenario) {
		return Optional.ofNullable(P99_OBJECTIVE_MS.get(scenario));
	}

	/**
	 * The knee of one run's steps, or empty when the scenario has no objective or no
	 * open-model step ran.
	 */
	public static Optional<Knee> of(String scenario, List<Step> steps) {
		return p99ObjectiveMs(scenario).flatMap((objective) -> of(steps, objective));
	}

	static Optional<Knee> of(List<Step> steps, double p99ObjectiveMs) {
		List<Step> open = steps.stream().filter((step) -> step.offeredRate() != null).toList();
		if (open.isEmpty()) {
			return Optional.empty();
		}
		Comparator<Step> byRate = Comparator.comparingDouble(Step::offeredRate);
		Step highest = open.stream().max(byRate).orElseThrow();
		return Optional.of(open.stream()
			.filter((step) -> meets(step, p99ObjectiveMs))
			.max(byRate)
			.map((knee) -> new Knee(knee, knee.offeredRate() >= highest.offeredRate()))
			.orElse(new Knee(null, false)));
	}

	/** Whether one open-model step meets all three objectives. */
	static boolean meets(Step step, double p99ObjectiveMs) {
		Collection<RequestStats> requests = (step.requests() != null) ? step.requests().values() : List.of();
		long ok = requests.stream().mapToLong(RequestStats::ok).sum();
		long ko = requests.stream().mapToLong(RequestStats::ko).sum();
		if (ok + ko == 0) {
			return false;
		}
		double okPerSecond = requests.stream().mapToDouble(RequestStats::okPerSecond).sum();
		boolean p99Met = requests.stream().allMatch((stats) -> stats.p99() != null && stats.p99() <= p99ObjectiveMs);
		return (double) ko / (ok + ko) < MAX_ERROR_RATE && okPerSecond >= MIN_THROUGHPUT_SHARE * step.offeredRate()
				&& p99Met;
	}

	/**
	 * The median knee of several repeats: the lower median, so that it is always a knee
	 * one of the repeats found. "Below the lowest step" ranks lowest.
	 */
	public static Knee median(List<Knee> knees) {
		List<Knee> sorted = knees.stream().sorted(ORDER).toList();
		return sorted.get((sorted.size() - 1) / 2);
	}

	/** The knee as the ledger and the report write it. */
	public String label() {
		if (this.step == null) {
			return "below the lowest step";
		}
		String rate = Format.number(this.step.offeredRate()) + " req/s";
		return this.highestStep ? ">= " + rate : rate;
	}

}
