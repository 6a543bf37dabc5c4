package dev.loomflux.comparison.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.scenario.CpuNeighbour;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Evidence.Level;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Step;

/**
 * C5: foreground "product" p99 of loom against platform in cpu-neighbour, at the highest
 * background that outnumbers the service's cores (the carriers of loom's virtual
 * threads), medians across repeats. Reactive is quoted for context.
 */
final class CpuBoundVirtualThreads {

	static final double REFUTED_FACTOR = 5;

	static final double SUPPORTED_FACTOR = 2;

	static final double MAX_ERROR_PERCENT = 1;

	static final String RULE = "cpu-neighbour, highest background > the service's cores: loom's foreground p99 / platform's; "
			+ "refuted (for JDK virtual threads) if >= 5x, or loom's foreground errors >= 1 % while platform's are < 1 %; "
			+ "supported if <= 2x; else it depends";

	private CpuBoundVirtualThreads() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Integer cores = evidence.serviceCores();
		if (cores == null) {
			return Verdict.of(Claim.C5, figures, Verdict.NOT_MEASURED, RULE,
					"The service's cores (manifest.serviceCpus) are not recorded, so no step is known to outnumber them.");
		}
		Level loomLevel = highestAbove(evidence, Evidence.LOOM, cores);
		if (loomLevel == null) {
			return Verdict.of(Claim.C5, figures, Verdict.NOT_MEASURED, RULE,
					"No cpu-neighbour step of loom had more background requests than the " + cores
							+ " core(s) of the service.");
		}
		double background = loomLevel.key();
		Map<String, Level> at = new LinkedHashMap<>();
		for (String variant : List.of(Evidence.LOOM, Evidence.PLATFORM, Evidence.REACTIVE)) {
			Level level = levelAt(evidence, variant, background);
			at.put(variant, level);
			figures
				.put(variant, (level == null) ? Format.NOT_MEASURED : "p99 "
						+ Spread.format(level.figure((s) -> Steps.p99(s, EventLoopStall.FOREGROUND)), Format::ms)
						+ ", errors " + Spread
							.format(level.figure((s) -> Steps.errorRate(s, EventLoopStall.FOREGROUND)), Format::percent)
						+ " at background " + Format.count(background));
		}
		Double loom = median(at.get(Evidence.LOOM), true);
		Double platform = median(at.get(Evidence.PLATFORM), true);
		if (loom == null || platform == null || platform <= 0) {
			return Verdict.of(Claim.C5, figures, Verdict.NOT_MEASURED, RULE,
					"The foreground p99 of loom or platform at background " + Format.count(background)
							+ " is missing.");
		}
		Double loomErrors = median(at.get(Evidence.LOOM), false);
		Double platformErrors = median(at.get(Evidence.PLATFORM), false);
		boolean loomFails = loomErrors != null && loomErrors * 100 >= MAX_ERROR_PERCENT && platformErrors != null
				&& platformErrors * 100 < MAX_ERROR_PERCENT;
		double ratio = loom / platform;
		String numbers = "At background " + Format.count(background) + " on " + cores + " core(s): loom's p99 "
				+ Format.ms(loom) + " = " + Format.ratio(ratio) + " platform's " + Format.ms(platform)
				+ (loomFails ? ", and loom's foreground failed" : "") + ".";
		if (ratio >= REFUTED_FACTOR || loomFails) {
			return Verdict.of(Claim.C5, figures, Verdict.REFUTED, RULE, numbers
					+ " Virtual threads are not time-sliced: CPU-bound ones keep the carriers and the foreground waits (a claim about Go's preemption is not tested here).");
		}
		if (ratio <= SUPPORTED_FACTOR) {
			return Verdict.of(Claim.C5, figures, Verdict.SUPPORTED, RULE,
					numbers + " loom kept serving about as well as the OS scheduler.");
		}
		return Verdict.of(Claim.C5, figures, Verdict.IT_DEPENDS, RULE, numbers
				+ " Between 2x and 5x: it depends on how many CPU-bound tasks outnumber the carriers and on the foreground's latency budget.");
	}

	private static Level highestAbove(Evidence evidence, String variant, int cores) {
		List<Level> levels = Evidence.levels(evidence.runs(CpuNeighbour.NAME, variant), Step::background);
		Level highest = null;
		for (Level level : levels) {
			if (level.key() > cores) {
				highest = level;
			}
		}
		return highest;
	}

	private static Level levelAt(Evidence evidence, String variant, double background) {
		return Evidence.levels(evidence.runs(CpuNeighbour.NAME, variant), Step::background)
			.stream()
			.filter((level) -> level.key() == background)
			.findFirst()
			.orElse(null);
	}

	private static Double median(Level level, boolean p99) {
		if (level == null) {
			return null;
		}
		Spread spread = p99 ? level.figure((s) -> Steps.p99(s, EventLoopStall.FOREGROUND))
				: level.figure((s) -> Steps.errorRate(s, EventLoopStall.FOREGROUND));
		return (spread != null) ? spread.median() : null;
	}

}
