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
 * C2: a sweep step has collapsed when its errors exceed {@value #MAX_ERROR_PERCENT} % or
 * its p99 exceeds {@value #P99_GROWTH}x the variant's own p99 at the lowest step (medians
 * across repeats). Platform should collapse where loom does not.
 */
final class ThreadPerRequestCollapse {

	static final double MAX_ERROR_PERCENT = 1;

	static final double P99_GROWTH = 5;

	/** The open-file limit per process: no run here can reach 40,000 connections. */
	static final int OPEN_FILE_LIMIT = 20_000;

	static final String RULE = "a sweep step collapsed if errors > 1 % or p99 > 5x the variant's own lowest-step p99; "
			+ "supported if platform collapses at a step where loom does not; refuted if platform never collapses; "
			+ "it depends if loom collapses at the same step or earlier";

	private ThreadPerRequestCollapse() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Sweep platform = sweep(evidence, Evidence.PLATFORM);
		Sweep loom = sweep(evidence, Evidence.LOOM);
		figures.put(Evidence.PLATFORM, platform.describe());
		figures.put(Evidence.LOOM, loom.describe());
		String memoryHalf = " The \"40,000 / out of memory\" half is not tested: the open-file limit of "
				+ OPEN_FILE_LIMIT + " per process caps every run below it"
				+ ((platform.levels.isEmpty() && loom.levels.isEmpty()) ? ""
						: " (highest step here " + Format.count(Math.max(platform.highest(), loom.highest())) + ")")
				+ ", and no variant sizes its pool to the concurrency.";
		if (platform.levels.isEmpty() || loom.levels.isEmpty() || platform.baseline == null || loom.baseline == null) {
			return Verdict.of(Claim.C2, figures, Verdict.NOT_MEASURED, RULE,
					"The sweep of platform or loom, or its lowest-step p99, is missing." + memoryHalf);
		}
		if (platform.collapse == null) {
			return Verdict.of(Claim.C2, figures, Verdict.REFUTED, RULE,
					"platform did not collapse up to " + Format.count(platform.highest()) + " in flight." + memoryHalf);
		}
		double at = platform.collapse.key();
		if (loom.collapse == null || loom.collapse.key() > at) {
			return Verdict.of(Claim.C2, figures, Verdict.SUPPORTED, RULE, "platform collapsed at " + Format.count(at)
					+ " in flight (" + platform.collapseReason + ") while loom did not." + memoryHalf);
		}
		return Verdict.of(Claim.C2, figures, Verdict.IT_DEPENDS, RULE, "platform collapsed at " + Format.count(at)
				+ " in flight, but loom too at " + Format.count(loom.collapse.key())
				+ ": it depends on what else limits this run (one core, the downstream, the pools), not on the thread model alone."
				+ memoryHalf);
	}

	private static Sweep sweep(Evidence evidence, String variant) {
		List<Level> levels = Evidence.levels(evidence.runs(ConcurrencySweep.NAME, variant), Step::concurrency);
		Sweep sweep = new Sweep(levels);
		if (levels.isEmpty()) {
			return sweep;
		}
		Spread baseline = levels.getFirst().figure(Steps::worstP99);
		sweep.baseline = (baseline != null) ? baseline.median() : null;
		for (Level level : levels) {
			Spread errors = level.figure(Steps::errorRate);
			Spread p99 = level.figure(Steps::worstP99);
			if (errors != null && errors.median() * 100 > MAX_ERROR_PERCENT) {
				sweep.collapseAt(level, "errors " + Format.percent(errors.median()));
				break;
			}
			if (p99 != null && sweep.baseline != null && p99.median() > P99_GROWTH * sweep.baseline) {
				sweep.collapseAt(level, "p99 " + Format.ms(p99.median()) + " > 5x its " + Format.ms(sweep.baseline));
				break;
			}
		}
		return sweep;
	}

	private static final class Sweep {

		final List<Level> levels;

		Double baseline;

		Level collapse;

		String collapseReason;

		Sweep(List<Level> levels) {
			this.levels = levels;
		}

		void collapseAt(Level level, String reason) {
			this.collapse = level;
			this.collapseReason = reason;
		}

		double highest() {
			return this.levels.isEmpty() ? 0 : this.levels.getLast().key();
		}

		String describe() {
			if (this.levels.isEmpty()) {
				return Format.NOT_MEASURED;
			}
			Level top = this.levels.getLast();
			String where = (this.collapse != null)
					? "collapsed at " + Format.count(this.collapse.key()) + " (" + this.collapseReason + ")"
					: "no collapse up to " + Format.count(top.key());
			return where + "; lowest-step p99 " + Format.orNotMeasured(this.baseline, Format::ms) + "; at "
					+ Format.count(top.key()) + ": p99 " + Spread.format(top.figure(Steps::worstP99), Format::ms)
					+ ", errors " + Spread.format(top.figure(Steps::errorRate), Format::percent) + ", RSS "
					+ Spread.format(top.figure((s) -> Steps.server(s, ServerStats::rssBytes)), Format::bytes)
					+ ", threads "
					+ Spread.format(top.figure((s) -> Steps.server(s, ServerStats::platformThreads)), Format::count);
		}

	}

}
