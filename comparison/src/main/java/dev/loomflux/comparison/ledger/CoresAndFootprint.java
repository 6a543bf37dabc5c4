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

	static final String CORES_RULE = "cpu-neighbour, highest background: process CPU (share of the service's cores) and insights ok/s per variant; "
			+ "a variant under 80 % left CPU idle; supported if an event-loop variant left CPU idle while loom did not; refuted if loom left it idle while an event-loop variant did not, "
			+ "or if none did on >= 2 cores; it depends if none did on 1 core (multi-core use not exercised) or both kinds did";

	static final String FOOTPRINT_RULE = "idle RSS of reactive / loom: supported if > 1.1x, refuted if < 0.9x, else it depends; heap and start-up quoted";

	private CoresAndFootprint() {
	}

	static ClaimVerdict cores(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Map<String, Double> cpu = new LinkedHashMap<>();
		for (String variant : VARIANTS) {
			List<Level> levels = Evidence.levels(evidence.runs(CpuNeighbour.NAME, variant), Step::background);
			if (levels.isEmpty()) {
				figures.put(variant, Format.NOT_MEASURED);
				continue;
			}
			Level top = levels.getLast();
			Spread used = top.figure((s) -> Steps.server(s, ServerStats::cpu));
			Spread insights = top.figure((s) -> Steps.okPerSecond(s, "insights"));
			figures.put(variant, "insights " + Spread.format(insights, Format::rate) + ", CPU "
					+ Spread.format(used, Format::percent) + " at background " + Format.count(top.key()));
			if (used != null) {
				cpu.put(variant, used.median());
			}
		}
		Integer cores = evidence.serviceCores();
		if (!cpu.containsKey(Evidence.LOOM)
				|| (!cpu.containsKey(Evidence.REACTIVE) && !cpu.containsKey(Evidence.REACTIVE_INLINE))) {
			return Verdict.of(Claim.C10, figures, Verdict.NOT_MEASURED, CORES_RULE,
					"The server CPU of loom or of both reactive variants is not measured.");
		}
		List<String> idle = cpu.entrySet()
			.stream()
			.filter((e) -> e.getValue() < BUSY_SHARE)
			.map(Map.Entry::getKey)
			.toList();
		boolean loomIdle = idle.contains(Evidence.LOOM);
		boolean eventLoopIdle = idle.contains(Evidence.REACTIVE) || idle.contains(Evidence.REACTIVE_INLINE);
		String on = " on " + ((cores != null) ? cores + " core(s)" : "an unrecorded number of cores");
		if (eventLoopIdle && !loomIdle) {
			return Verdict.of(Claim.C10, figures, Verdict.SUPPORTED, CORES_RULE,
					String.join(", ", idle) + " left CPU idle" + on + " while loom kept its cores busy.");
		}
		if (loomIdle && !eventLoopIdle) {
			return Verdict.of(Claim.C10, figures, Verdict.REFUTED, CORES_RULE,
					"loom left CPU idle" + on + " while the event loop kept its cores busy.");
		}
		if (idle.isEmpty()) {
			if (cores != null && cores >= 2) {
				return Verdict.of(Claim.C10, figures, Verdict.REFUTED, CORES_RULE, "No variant left CPU idle" + on
						+ ": on the JVM the event loop runs one loop per core and needs no extra processes.");
			}
			return Verdict.of(Claim.C10, figures, Verdict.IT_DEPENDS, CORES_RULE, "No variant left CPU idle" + on
					+ ", but a service pinned to one core cannot show multi-core use: it depends on a run with serviceCpus of 2 or more.");
		}
		return Verdict.of(Claim.C10, figures, Verdict.IT_DEPENDS, CORES_RULE, String.join(", ", idle) + " left CPU idle"
				+ on
				+ ", on both sides: it depends on something other than the model (the load generator, the kernel cap).");
	}

	static ClaimVerdict footprint(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (String variant : VARIANTS) {
			if (evidence.footprints(variant).isEmpty()) {
				figures.put(variant, Format.NOT_MEASURED);
				continue;
			}
			figures.put(variant,
					"idle RSS " + Spread.format(evidence.footprint(variant, Footprint::idleRssBytes), Format::bytes)
							+ ", heap "
							+ Spread.format(evidence.footprint(variant, Footprint::idleHeapUsedBytes), Format::bytes)
							+ ", threads "
							+ Spread.format(evidence.footprint(variant, Footprint::idlePlatformThreads), Format::count)
							+ ", start-up "
							+ Spread.format(evidence.footprint(variant, Footprint::startupSeconds), Format::seconds));
		}
		Spread reactive = evidence.footprint(Evidence.REACTIVE, Footprint::idleRssBytes);
		Spread loom = evidence.footprint(Evidence.LOOM, Footprint::idleRssBytes);
		if (reactive == null || loom == null || loom.median() <= 0) {
			return Verdict.of(Claim.C11, figures, Verdict.NOT_MEASURED, FOOTPRINT_RULE,
					"The idle RSS of reactive or loom is not measured.");
		}
		double ratio = reactive.median() / loom.median();
		String numbers = "reactive's idle RSS " + Format.bytes(reactive.median()) + " = " + Format.ratio(ratio)
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
