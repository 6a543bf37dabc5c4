package dev.loomflux.comparison.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Evidence.Level;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/** What several scenarios' summary rows and derived figures share. */
final class Rows {

	private Rows() {
	}

	/** Cells from the highest load level of a variant's runs. */
	static List<String> atTop(Evidence evidence, String scenario, String variant, Function<Step, ? extends Number> key,
			int columns, Function<Level, List<String>> cells) {
		List<Level> levels = Evidence.levels(evidence.runs(scenario, variant), key);
		return levels.isEmpty() ? notMeasured(columns) : cells.apply(levels.getLast());
	}

	static List<String> notMeasured(int columns) {
		return Collections.nCopies(columns, Format.NOT_MEASURED);
	}

	/**
	 * (figure at the last step - at the first) / (concurrency at the last - at the
	 * first): memory per in-flight request or per open stream, over the valid steps only
	 * (no figure rests on a step the machine interfered with).
	 */
	static Optional<Double> slope(List<Step> steps, Function<ServerStats, Double> figure) {
		List<Step> valid = Steps.valid(steps);
		if (valid.size() < 2) {
			return Optional.empty();
		}
		Step first = valid.getFirst();
		Step last = valid.getLast();
		if (first.concurrency() == null || last.concurrency() == null || first.server() == null
				|| last.server() == null) {
			return Optional.empty();
		}
		Double low = figure.apply(first.server());
		Double high = figure.apply(last.server());
		int users = last.concurrency() - first.concurrency();
		if (low == null || high == null || users <= 0) {
			return Optional.empty();
		}
		return Optional.of((high - low) / users);
	}

}
