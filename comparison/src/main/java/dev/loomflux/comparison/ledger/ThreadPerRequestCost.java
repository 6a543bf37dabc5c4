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
 * C12: platform against loom at equal load: the highest concurrency-sweep step both ran
 * with errors under {@value #MAX_ERROR_PERCENT} % (medians across repeats). CPU seconds
 * per successful request stand in for the context-switch cost, which the results do not
 * carry.
 */
final class ThreadPerRequestCost {

	static final double MAX_ERROR_PERCENT = 1;

	static final double WASTE_FACTOR = 1.2;

	static final String RULE = "highest sweep step where platform and loom both have errors < 1 %: CPU seconds per successful request and peak RSS; "
			+ "supported if platform's are both > 1.2x loom's; refuted if neither is; it depends if one is; context switches are not in the results";

	private ThreadPerRequestCost() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Map<String, List<Level>> sweeps = new LinkedHashMap<>();
		for (String variant : List.of(Evidence.PLATFORM, Evidence.LOOM, Evidence.REACTIVE)) {
			sweeps.put(variant, Evidence.levels(evidence.runs(ConcurrencySweep.NAME, variant), Step::concurrency));
		}
		Double equal = null;
		for (Level level : sweeps.get(Evidence.PLATFORM)) {
			Level loom = at(sweeps.get(Evidence.LOOM), level.key());
			if (loom != null && level.errorsBelow(MAX_ERROR_PERCENT / 100)
					&& loom.errorsBelow(MAX_ERROR_PERCENT / 100)) {
				equal = level.key();
			}
		}
		String contextSwitches = " Context switches: not measured (the results carry no such figure).";
		if (equal == null) {
			return Verdict.of(Claim.C12, figures, Verdict.NOT_MEASURED, RULE,
					"No sweep step where platform and loom both stayed under 1 % errors." + contextSwitches);
		}
		Map<String, Double> cpu = new LinkedHashMap<>();
		Map<String, Double> rss = new LinkedHashMap<>();
		for (Map.Entry<String, List<Level>> sweep : sweeps.entrySet()) {
			Level level = at(sweep.getValue(), equal);
			if (level == null) {
				figures.put(sweep.getKey(), Format.NOT_MEASURED);
				continue;
			}
			Spread cpuPerOk = level.figure(Steps::cpuSecondsPerOk);
			Spread peakRss = level.figure((s) -> Steps.server(s, ServerStats::rssBytes));
			figures
				.put(sweep.getKey(), Spread.format(cpuPerOk, Format::cpuMs) + " per ok request, peak RSS "
						+ Spread.format(peakRss, Format::bytes) + ", threads " + Spread
							.format(level.figure((s) -> Steps.server(s, ServerStats::platformThreads)), Format::count)
						+ " at " + Format.count(equal) + " in flight");
			if (cpuPerOk != null) {
				cpu.put(sweep.getKey(), cpuPerOk.median());
			}
			if (peakRss != null) {
				rss.put(sweep.getKey(), peakRss.median());
			}
		}
		if (!cpu.containsKey(Evidence.PLATFORM) || !cpu.containsKey(Evidence.LOOM)
				|| !rss.containsKey(Evidence.PLATFORM) || !rss.containsKey(Evidence.LOOM)) {
			return Verdict.of(Claim.C12, figures, Verdict.NOT_MEASURED, RULE,
					"CPU time or RSS of platform or loom is missing at " + Format.count(equal) + " in flight."
							+ contextSwitches);
		}
		double cpuRatio = cpu.get(Evidence.PLATFORM) / cpu.get(Evidence.LOOM);
		double rssRatio = rss.get(Evidence.PLATFORM) / rss.get(Evidence.LOOM);
		boolean wastesCpu = cpuRatio > WASTE_FACTOR;
		boolean wastesMemory = rssRatio > WASTE_FACTOR;
		String numbers = "At " + Format.count(equal) + " in flight platform uses " + Format.ratio(cpuRatio)
				+ " loom's CPU per request and " + Format.ratio(rssRatio) + " its RSS.";
		if (wastesCpu && wastesMemory) {
			return Verdict.of(Claim.C12, figures, Verdict.SUPPORTED, RULE, numbers + contextSwitches);
		}
		if (!wastesCpu && !wastesMemory) {
			return Verdict.of(Claim.C12, figures, Verdict.REFUTED, RULE,
					numbers + " A pool of 200 threads bounds both costs at this load." + contextSwitches);
		}
		return Verdict.of(Claim.C12, figures, Verdict.IT_DEPENDS, RULE,
				numbers + " Only the " + (wastesCpu ? "CPU" : "memory") + " half holds." + contextSwitches);
	}

	private static Level at(List<Level> levels, double key) {
		return levels.stream().filter((level) -> level.key() == key).findFirst().orElse(null);
	}

}
