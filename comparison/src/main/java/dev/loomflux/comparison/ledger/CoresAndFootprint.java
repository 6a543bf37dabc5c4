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
import dev.loomflux.comparison.results.Footprint;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * C10 (cores in use under CPU-only load) and C11 (base memory): the claims about what the
 * runtime itself costs, whatever the code does.
 */
final class CoresAndFootprint {

	/** A variant using less than this share of its cores left CPU idle. */
	static final double BUSY_SHARE = 0.80;

	static final double LARGER = 1.1;

	static final double SMALLER = 0.9;

	static final List<String> VARIANTS = List.of(Evidence.LOOM, Evidence.PLATFORM, Evidence.REACTIVE,
			Evidence.REACTIVE_INLINE);

	/**
	 * CPU-bound requests/s within this share of loom's count as using the cores as fully.
	 */
	static final double THROUGHPUT_MARGIN = 0.20;

	static final String CORES_RULE = "cpu-neighbour, highest background: process CPU (share of the service's cores) and CPU-bound insights ok/s, loom vs reactive-inline (the event loop without a worker pool); "
			+ "a variant under 80 % CPU left its cores idle; supported if loom did not and reactive-inline did, or served over 20 % fewer insights/s; "
			+ "refuted if loom left its cores idle while reactive-inline did not, or if neither did and reactive-inline served at least 80 % of loom's insights/s; "
			+ "it depends if both left them idle; platform and reactive quoted";

	static final String FOOTPRINT_RULE = "base memory one second after ready (the resident memory outside the Java heap + the heap "
			+ "live after a full GC) of reactive / loom: supported if > 1.1x, refuted if < 0.9x, else it depends; idle RSS, "
			+ "threads and start-up quoted";

	private CoresAndFootprint() {
	}

	static ClaimVerdict cores(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Map<String, Double> cpu = new LinkedHashMap<>();
		Map<String, Double> insights = new LinkedHashMap<>();
		for (String variant : VARIANTS) {
			List<Level> levels = Evidence.levels(evidence.runs(CpuNeighbour.NAME, variant), Step::background);
			if (levels.isEmpty()) {
				figures.put(variant, Format.NOT_MEASURED);
				continue;
			}
			Level top = levels.getLast();
			Spread used = top.figure((s) -> Steps.server(s, ServerStats::cpu));
			Spread served = top.figure((s) -> Steps.okPerSecond(s, "insights"));
			figures.put(variant, "insights " + Spread.format(served, Format::rate) + ", CPU "
					+ Spread.format(used, Format::percent) + " at background " + Format.count(top.key()));
			if (used != null && served != null) {
				cpu.put(variant, used.median());
				insights.put(variant, served.median());
			}
		}
		if (!cpu.containsKey(Evidence.LOOM) || !cpu.containsKey(Evidence.REACTIVE_INLINE)) {
			return Verdict.of(Claim.C10, figures, Verdict.NOT_MEASURED, CORES_RULE,
					"The server CPU or the insights ok/s of loom or reactive-inline is not measured.");
		}
		Integer cores = evidence.serviceCores();
		String on = " on " + ((cores != null) ? cores + " core(s)" : "an unrecorded number of cores")
				+ ((cores != null && cores == 1) ? " (multi-core use itself needs --service-cpus of 2 or more)" : "");
		boolean loomIdle = cpu.get(Evidence.LOOM) < BUSY_SHARE;
		boolean inlineIdle = cpu.get(Evidence.REACTIVE_INLINE) < BUSY_SHARE;
		double share = insights.get(Evidence.REACTIVE_INLINE) / insights.get(Evidence.LOOM);
		String numbers = "CPU loom " + Format.percent(cpu.get(Evidence.LOOM)) + ", reactive-inline "
				+ Format.percent(cpu.get(Evidence.REACTIVE_INLINE)) + "; reactive-inline served "
				+ Format.percent(share) + " of loom's insights/s" + on;
		if (!loomIdle && (inlineIdle || share < 1 - THROUGHPUT_MARGIN)) {
			return Verdict.of(Claim.C10, figures, Verdict.SUPPORTED, CORES_RULE,
					numbers + ": without a worker pool the event loop used the cores less than loom.");
		}
		if (loomIdle && !inlineIdle) {
			return Verdict.of(Claim.C10, figures, Verdict.REFUTED, CORES_RULE,
					numbers + ": loom left CPU idle while the event loop kept its cores busy.");
		}
		if (!loomIdle) {
			return Verdict.of(Claim.C10, figures, Verdict.REFUTED, CORES_RULE,
					numbers + ": the event loop used the cores as fully as loom without extra processes or workers.");
		}
		return Verdict.of(Claim.C10, figures, Verdict.IT_DEPENDS, CORES_RULE, numbers
				+ ": both left CPU idle, so something other than the model (the load, the kernel) held them back.");
	}

	static ClaimVerdict footprint(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (String variant : VARIANTS) {
			if (evidence.footprints(variant).isEmpty()) {
				figures.put(variant, Format.NOT_MEASURED);
				continue;
			}
			figures.put(variant,
					"base memory "
							+ Spread.format(evidence.footprint(variant, Footprint::baseMemoryBytes), Format::bytes)
							+ " (outside the heap "
							+ Spread.format(evidence.footprint(variant, Footprint::idleOutsideHeapRssBytes),
									Format::bytes)
							+ ", live heap "
							+ Spread.format(evidence.footprint(variant, Footprint::idleLiveHeapBytes), Format::bytes)
							+ "), idle RSS "
							+ Spread.format(evidence.footprint(variant, Footprint::idleRssBytes), Format::bytes)
							+ ", threads "
							+ Spread.format(evidence.footprint(variant, Footprint::idlePlatformThreads), Format::count)
							+ ", start-up "
							+ Spread.format(evidence.footprint(variant, Footprint::startupSeconds), Format::seconds));
		}
		Spread reactive = evidence.footprint(Evidence.REACTIVE, Footprint::baseMemoryBytes);
		Spread loom = evidence.footprint(Evidence.LOOM, Footprint::baseMemoryBytes);
		if (reactive == null || loom == null || loom.median() <= 0) {
			return Verdict.of(Claim.C11, figures, Verdict.NOT_MEASURED, FOOTPRINT_RULE,
					"The base memory of reactive or loom is not measured (it needs the service's process on the "
							+ "machine that runs the comparison); the idle RSS does not stand in for it, as it "
							+ "counts the heap pages written since the start.");
		}
		double ratio = reactive.median() / loom.median();
		String numbers = "reactive's base memory " + Format.bytes(reactive.median()) + " = " + Format.ratio(ratio)
				+ " loom's " + Format.bytes(loom.median()) + ".";
		if (ratio > LARGER) {
			return Verdict.of(Claim.C11, figures, Verdict.SUPPORTED, FOOTPRINT_RULE, numbers);
		}
		if (ratio < SMALLER) {
			return Verdict.of(Claim.C11, figures, Verdict.REFUTED, FOOTPRINT_RULE, numbers);
		}
		return Verdict.of(Claim.C11, figures, Verdict.IT_DEPENDS, FOOTPRINT_RULE, numbers
				+ " Within 10 %: both are JVMs with the same flags; it depends on the libraries each loads, not on the model.");
	}

}
