package dev.loomflux.comparison.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.scenario.ConcurrencySweep;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Evidence.Level;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * C1: in the concurrency sweep, at each variant's highest step with errors under
 * {@value #MAX_ERROR_PERCENT} % and both figures scraped (a scrape can time out at the
 * top step; medians across repeats), the requests the server measured in flight (peak of
 * its active-requests timer) per peak live platform thread (carriers or event loops
 * included), for loom and reactive. Both figures are measured: a service that leaves
 * requests waiting in the accept queue instead of holding them has few in flight,
 * whatever the load's configured concurrency.
 */
final class InFlightPerThread {

	static final double MAX_ERROR_PERCENT = 1;

	static final double MIN_IN_FLIGHT_PER_THREAD = 5;

	static final String RULE = "at each variant's highest concurrency-sweep step with errors < 1 % and its server figures: requests the server measured in flight (peak) / peak platform threads; "
			+ "supported if loom and reactive both >= 5x; refuted if either <= 1x (a thread or more per waiting request); else it depends";

	private InFlightPerThread() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Map<String, Double> ratios = new LinkedHashMap<>();
		for (String variant : List.of(Evidence.LOOM, Evidence.REACTIVE)) {
			Level level = highestHealthy(evidence, variant);
			if (level == null) {
				figures.put(variant, evidence.runs(ConcurrencySweep.NAME, variant).isEmpty() ? Format.NOT_MEASURED
						: "not measured (no sweep step with errors < 1 % and its server figures)");
				continue;
			}
			Spread threads = level.figure((step) -> Steps.server(step, ServerStats::platformThreads));
			Spread inFlight = level.figure((step) -> Steps.server(step, ServerStats::requestsInFlight));
			Spread cpu = level.figure((step) -> Steps.server(step, ServerStats::cpu));
			Spread okPerSecond = level.figure(Steps::totalOkPerSecond);
			String ratio = Format.NOT_MEASURED;
			if (threads != null && threads.median() > 0 && inFlight != null) {
				ratios.put(variant, inFlight.median() / threads.median());
				ratio = Format.ratio(inFlight.median() / threads.median());
			}
			figures.put(variant,
					Spread.format(inFlight, Format::count) + " in flight (server, of " + Format.count(level.key())
							+ " users) on " + Spread.format(threads, Format::count) + " platform threads (" + ratio
							+ "); " + Spread.format(okPerSecond, Format::rate) + " ok, CPU "
							+ Spread.format(cpu, Format::percent));
		}
		if (ratios.size() < 2) {
			return Verdict.of(Claim.C1, figures, Verdict.NOT_MEASURED, RULE,
					"Measured in-flight requests or platform threads are missing for " + missing(ratios) + ".");
		}
		double loom = ratios.get(Evidence.LOOM);
		double reactive = ratios.get(Evidence.REACTIVE);
		String numbers = "loom " + Format.ratio(loom) + ", reactive " + Format.ratio(reactive)
				+ " in-flight requests per platform thread";
		if (loom >= MIN_IN_FLIGHT_PER_THREAD && reactive >= MIN_IN_FLIGHT_PER_THREAD) {
			return Verdict.of(Claim.C1, figures, Verdict.SUPPORTED, RULE,
					numbers + ": neither needs a thread per waiting request.");
		}
		if (loom <= 1 || reactive <= 1) {
			return Verdict.of(Claim.C1, figures, Verdict.REFUTED, RULE,
					numbers + ": one of them holds a thread per waiting request.");
		}
		return Verdict.of(Claim.C1, figures, Verdict.IT_DEPENDS, RULE, numbers
				+ ": fewer threads than requests, but under 5x; it depends on the concurrency reached, which was too low to show it clearly.");
	}

	private static Level highestHealthy(Evidence evidence, String variant) {
		List<Level> levels = Evidence.levels(evidence.runs(ConcurrencySweep.NAME, variant), Step::concurrency);
		Level highest = null;
		for (Level level : levels) {
			if (level.errorsBelow(MAX_ERROR_PERCENT / 100)
					&& level.figure((step) -> Steps.server(step, ServerStats::platformThreads)) != null
					&& level.figure((step) -> Steps.server(step, ServerStats::requestsInFlight)) != null) {
				highest = level;
			}
		}
		return highest;
	}

	private static String missing(Map<String, Double> ratios) {
		return String.join(" and ",
				List.of(Evidence.LOOM, Evidence.REACTIVE).stream().filter((v) -> !ratios.containsKey(v)).toList());
	}

}
