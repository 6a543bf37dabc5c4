package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.results.Interference;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;

/**
 * Per step, what else used the machine (docs/comparison.md#interference) and how much the
 * JIT still compiled; nothing for runs recorded before these figures.
 */
final class InterferenceTable {

	private InterferenceTable() {
	}

	static void render(Page page, ScenarioSeries data) {
		List<List<String>> rows = new ArrayList<>();
		for (List<ScenarioRun> runs : data.runs.values()) {
			for (ScenarioRun run : runs) {
				for (Step step : ScenarioSeries.steps(run)) {
					Interference interference = step.interference();
					if (interference != null) {
						rows.add(List.of(data.runLabel(run), step.label(),
								Format.orNotMeasured(interference.stealShare(), Format::percent),
								Format.orNotMeasured(interference.othersOnServiceCores(), Format::percent),
								Format.orNotMeasured(interference.databaseCpuShare(), InterferenceTable::cores),
								jit(step),
								(step.invalidReason() != null) ? "invalid: " + step.invalidReason() : "valid"));
					}
				}
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		page.html("<h3>Interference and JIT per step</h3>");
		page.table(List.of("run", "step", "steal (of the machine)", "others on the service's core(s)",
				"PostgreSQL + Redis CPU", "JIT CPU", "step"), rows);
	}

	/** The JIT's CPU, and its share of the service's core(s) that {@code Knee} judges. */
	private static String jit(Step step) {
		Double seconds = (step.server() != null) ? step.server().jitCpuSeconds() : null;
		Double share = (step.server() != null) ? step.server().jitShare() : null;
		String text = Format.orNotMeasured(seconds, Format::cpuMs);
		return (share != null) ? text + " (" + Format.percent(share) + ")" : text;
	}

	private static String cores(double value) {
		return String.format(Locale.ROOT, "%.2f cores", value);
	}

}
