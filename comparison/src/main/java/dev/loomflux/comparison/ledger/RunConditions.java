package dev.loomflux.comparison.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.loomflux.comparison.figures.Efficiency;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.results.InterferenceRules;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;

/**
 * What summary.md says about the conditions each figure was measured in: whether the
 * service was warm, what a request cost it (docs/comparison.md#efficiency), and which
 * steps the machine's interference invalidated.
 */
final class RunConditions {

	private RunConditions() {
	}

	/** The manifest's interference rules as a sentence; empty for runs without them. */
	static String rules(InterferenceRules rules) {
		if (rules == null) {
			return "";
		}
		return String.format(Locale.ROOT,
				" A step is invalid when steal exceeds %s of the machine's CPU time or other processes use more than %s of the service's core(s). Databases: %s.",
				Format.percent(rules.maxStealShare()), Format.percent(rules.maxOthersOnServiceCores()),
				rules.databases());
	}

	/**
	 * One row per variant: warm-up, cost per request at the lowest open step, invalid
	 * steps; empty when no run of the scenario recorded any of them.
	 */
	static String table(Evidence evidence, String scenario, List<String> variants) {
		List<ScenarioRun> all = variants.stream()
			.flatMap((variant) -> evidence.recorded(scenario, variant).stream())
			.toList();
		boolean recorded = all.stream()
			.anyMatch((run) -> (run.figures() != null && run.figures().containsKey(ScenarioRun.WARMUP_STEADY))
					|| run.steps().stream().anyMatch((step) -> step.interference() != null));
		if (!recorded) {
			return "";
		}
		StringBuilder md = new StringBuilder("\n| variant | warm-up before the run | at | CPU per request "
				+ "| capacity per core | allocated per request | databases' CPU per request "
				+ "| Spring Security's share of the CPU | invalid steps |\n");
		md.append("|---|---|---|---|---|---|---|---|---|\n");
		for (String variant : variants) {
			// steady or not: this table is where a run that was not steady shows
			List<ScenarioRun> runs = evidence.recorded(scenario, variant);
			if (runs.isEmpty()) {
				continue;
			}
			md.append("| ")
				.append(variant)
				.append(" | ")
				.append(warmup(runs))
				.append(" | ")
				.append(Spread.format(figure(runs, Efficiency.RATE), Format::rate))
				.append(" | ")
				.append(Spread.format(figure(runs, Efficiency.CPU_PER_REQUEST), Format::micros))
				.append(jitPart(runs))
				.append(" | ")
				.append(Spread.format(figure(runs, Efficiency.CAPACITY_PER_CORE), Format::rate))
				.append(" | ")
				.append(Spread.format(figure(runs, Efficiency.ALLOCATED_PER_REQUEST), Format::bytes))
				.append(" | ")
				.append(Spread.format(figure(runs, Efficiency.DATABASE_CPU_PER_REQUEST), Format::micros))
				.append(" | ")
				.append(securityShare(runs))
				.append(" | ")
				.append(invalidSteps(runs))
				.append(" |\n");
		}
		return md.toString();
	}

	/** How much of the CPU per request the JIT compiler used, when that was recorded. */
	private static String jitPart(List<ScenarioRun> runs) {
		Spread jit = figure(runs, Efficiency.JIT_CPU_PER_REQUEST);
		return (jit == null) ? "" : " (JIT " + Spread.format(jit, Format::micros) + ")";
	}

	/** One note per step that interference invalidated. */
	static List<String> interferenceNotes(Results results) {
		List<String> notes = new ArrayList<>();
		if (results.scenarios() == null) {
			return notes;
		}
		for (ScenarioRun run : results.scenarios()) {
			for (Step step : (run.steps() != null) ? run.steps() : List.<Step>of()) {
				if (step.interference() != null && step.interference().problem() != null) {
					notes.add(run.scenario() + " on " + run.variant() + " (repeat " + run.repeat() + "), step "
							+ step.label() + " invalid: " + step.interference().problem());
				}
			}
		}
		return notes;
	}

	/**
	 * Spring Security's share of the service's JFR execution samples over the run's steps
	 * (SecurityCost), with how many samples it rests on.
	 */
	private static String securityShare(List<ScenarioRun> runs) {
		String share = Spread.format(figure(runs, "securityCpuShare"), Format::percent);
		double samples = runs.stream()
			.map((run) -> (run.figures() != null) ? run.figures().get("securitySamples") : null)
			.filter(java.util.Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.sum();
		return share.equals(Format.NOT_MEASURED) ? share
				: share + String.format(Locale.ROOT, " of %.0f samples", samples);
	}

	private static Spread figure(List<ScenarioRun> runs, String name) {
		return Spread.of(runs.stream().map((run) -> (run.figures() != null) ? run.figures().get(name) : null).toList());
	}

	private static String warmup(List<ScenarioRun> runs) {
		List<String> notSteady = new ArrayList<>();
		boolean recorded = false;
		for (ScenarioRun run : runs) {
			boolean present = run.figures() != null && run.figures().containsKey(ScenarioRun.WARMUP_STEADY);
			recorded |= present;
			if (present && !run.warm()) {
				notSteady.add("repeat " + run.repeat());
			}
		}
		if (!recorded) {
			return Format.NOT_MEASURED;
		}
		return notSteady.isEmpty() ? "steady" : "**not steady** (" + String.join(", ", notSteady) + ")";
	}

	private static String invalidSteps(List<ScenarioRun> runs) {
		long steps = runs.stream().mapToLong((run) -> run.steps().size()).sum();
		long invalid = runs.stream()
			.flatMap((run) -> run.steps().stream())
			.filter((step) -> step.invalidReason() != null)
			.count();
		return (invalid == 0) ? "none" : "**" + invalid + " of " + steps + "**";
	}

}
