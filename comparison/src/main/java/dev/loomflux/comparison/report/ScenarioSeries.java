package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.report.Chart.Point;
import dev.loomflux.comparison.report.Chart.Series;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;

/**
 * One scenario's runs, grouped by variant, turned into chart series: each point is the
 * median over the repeats of the step at that x, with its min..max.
 */
final class ScenarioSeries {

	final String scenario;

	final Axis axis;

	final Variants variants;

	/**
	 * variant -> its runs (repeats), in the variants' order; variants without runs
	 * absent.
	 */
	final Map<String, List<ScenarioRun>> runs = new LinkedHashMap<>();

	ScenarioSeries(String scenario, List<ScenarioRun> scenarioRuns, Variants variants) {
		this.scenario = scenario;
		this.variants = variants;
		for (String variant : variants.names()) {
			List<ScenarioRun> ofVariant = scenarioRuns.stream().filter((run) -> run.variant().equals(variant)).toList();
			if (!ofVariant.isEmpty()) {
				this.runs.put(variant, ofVariant);
			}
		}
		this.axis = Axis.of(scenario, allSteps());
	}

	List<Step> allSteps() {
		return this.runs.values().stream().flatMap(Collection::stream).flatMap((run) -> steps(run).stream()).toList();
	}

	static List<Step> steps(ScenarioRun run) {
		return (run.steps() != null) ? run.steps() : List.of();
	}

	/** The x positions a variant's steps ran at, ascending. */
	Set<Double> xs(String variant) {
		return this.runs.get(variant)
			.stream()
			.flatMap((run) -> steps(run).stream())
			.map(this.axis.x())
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Each repeat's step at x (repeats that did not reach it are left out). */
	List<Step> stepsAt(String variant, double x) {
		return this.runs.get(variant)
			.stream()
			.flatMap((
					run) -> steps(run).stream().filter((step) -> Objects.equals(this.axis.x().apply(step), x)).limit(1))
			.toList();
	}

	String stepLabel(String variant, double x) {
		return stepsAt(variant, x).stream()
			.map(Step::label)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(Format.number(x));
	}

	Spread spread(String variant, double x, Function<Step, Double> figure) {
		return Spread.of(stepsAt(variant, x), figure);
	}

	/**
	 * One series per variant; where a step ran but the figure is missing, the point is a
	 * gap and a note says so.
	 */
	List<Series> perVariant(Function<Step, Double> figure, String style, String suffix, List<String> notes) {
		List<Series> series = new ArrayList<>();
		for (String variant : this.runs.keySet()) {
			List<Point> points = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (double x : xs(variant)) {
				Spread spread = spread(variant, x, figure);
				points.add(Point.of(x, spread));
				if (spread == null) {
					missing.add(stepLabel(variant, x));
				}
			}
			if (!missing.isEmpty()) {
				notes
					.add(variant + suffix + ": not measured at " + String.join(", ", missing) + " (gap in the chart).");
			}
			series.add(new Series(variant + suffix, this.variants.color(variant), style, points));
		}
		return series;
	}

	/**
	 * The variant's knee, the median over its repeats; empty when the scenario has none.
	 */
	Optional<KneeMark> knee(String variant) {
		return KneeMark.p99ObjectiveMs(this.scenario)
			.flatMap((objective) -> KneeMark.of(Knee.acrossRuns(withSteps(variant), objective).median()));
	}

	List<KneeMark> kneesOfRepeats(String variant) {
		return KneeMark.p99ObjectiveMs(this.scenario)
			.map((objective) -> withSteps(variant).stream()
				.map((run) -> KneeMark.of(Knee.of(run.steps(), objective)))
				.flatMap(Optional::stream)
				.toList())
			.orElse(List.of());
	}

	private List<ScenarioRun> withSteps(String variant) {
		return this.runs.get(variant).stream().filter((run) -> !steps(run).isEmpty()).toList();
	}

	/**
	 * Where a variant's latency percentiles are compared: its knee when it has one, else
	 * the highest step every variant reached (else its own highest step).
	 */
	Optional<Double> comparisonX(String variant) {
		Optional<KneeMark> knee = knee(variant);
		if (knee.isPresent() && knee.get().step() != null) {
			return Optional.of(knee.get().step().offeredRate());
		}
		Set<Double> common = new TreeSet<>(xs(variant));
		this.runs.keySet().forEach((other) -> common.retainAll(xs(other)));
		TreeSet<Double> candidates = new TreeSet<>(common.isEmpty() ? xs(variant) : common);
		return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.last());
	}

	/** {@code "loom"}, or {@code "loom #2"} when the variant ran more than once. */
	String runLabel(ScenarioRun run) {
		return (this.runs.get(run.variant()).size() > 1) ? run.variant() + " #" + run.repeat() : run.variant();
	}

}
