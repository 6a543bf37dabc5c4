package dev.loomflux.comparison.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import dev.loomflux.comparison.results.CodeMetrics;
import dev.loomflux.comparison.results.Footprint;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.results.Microbenchmarks;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.launcher.Variant;

/**
 * What the rules read {@link Results} through: the runs of a scenario and variant (all
 * repeats), and the steps of those runs grouped by load level, so that every rule decides
 * on medians across repeats the same way.
 */
public final class Evidence {

	public static final String LOOM = Variant.LOOM.name();

	public static final String PLATFORM = Variant.PLATFORM.name();

	public static final String REACTIVE = Variant.REACTIVE.name();

	public static final String REACTIVE_INLINE = Variant.REACTIVE_INLINE.name();

	private final Results results;

	public Evidence(Results results) {
		this.results = Objects.requireNonNull(results, "results");
	}

	public Results results() {
		return this.results;
	}

	public Manifest manifest() {
		return this.results.manifest();
	}

	/**
	 * The run figure, 1 or 0, saying whether the service's warm-up ended steady
	 * (throughput and JIT compilation both levelled off) before the run.
	 */
	public static final String WARMUP_STEADY = "warmupSteady";

	/**
	 * The runs of a scenario against a variant that have steps and a steady warm-up, by
	 * repeat: no verdict rests on a service still compiling.
	 */
	public List<ScenarioRun> runs(String scenario, String variant) {
		return recorded(scenario, variant).stream().filter(Evidence::steady).toList();
	}

	/**
	 * Every run of a scenario against a variant that has steps, steady or not, by repeat:
	 * for the tables that say which runs were not steady, never for a verdict.
	 */
	public List<ScenarioRun> recorded(String scenario, String variant) {
		if (this.results.scenarios() == null) {
			return List.of();
		}
		return this.results.scenarios()
			.stream()
			.filter((run) -> scenario.equals(run.scenario()) && variant.equals(run.variant()))
			.filter((run) -> run.steps() != null && !run.steps().isEmpty())
			.sorted(Comparator.comparingInt(ScenarioRun::repeat))
			.toList();
	}

	/**
	 * Whether the run's warm-up ended steady. A run without the figure counts as steady:
	 * runs recorded before the warm-up measured JIT quiescence do not carry it.
	 */
	public static boolean steady(ScenarioRun run) {
		Double steady = (run.figures() != null) ? run.figures().get(WARMUP_STEADY) : null;
		return steady == null || steady != 0;
	}

	/** A named figure of the whole run ({@link ScenarioRun#figures()}) across repeats. */
	public Spread runFigure(String scenario, String variant, String name) {
		List<Double> values = new ArrayList<>();
		for (ScenarioRun run : runs(scenario, variant)) {
			values.add((run.figures() != null) ? run.figures().get(name) : null);
		}
		return Spread.of(values);
	}

	public List<Footprint> footprints(String variant) {
		if (this.results.footprints() == null) {
			return List.of();
		}
		return this.results.footprints().stream().filter((footprint) -> variant.equals(footprint.variant())).toList();
	}

	public Spread footprint(String variant, Function<Footprint, Double> figure) {
		return Spread.of(footprints(variant).stream().map(figure).toList());
	}

	public Microbenchmarks microbenchmarks() {
		return this.results.microbenchmarks();
	}

	public List<CodeMetrics> codeMetrics() {
		return (this.results.codeMetrics() != null) ? this.results.codeMetrics() : List.of();
	}

	/**
	 * Cores of the service under test, from the taskset list of the manifest ("1", "0-1",
	 * "2,3"); null when it cannot be read.
	 */
	public Integer serviceCores() {
		Manifest manifest = manifest();
		if (manifest == null || manifest.serviceCpus() == null || manifest.serviceCpus().isBlank()) {
			return null;
		}
		int cores = 0;
		try {
			for (String part : manifest.serviceCpus().trim().split(",")) {
				String[] range = part.trim().split("-");
				cores += (range.length == 1) ? 1
						: Integer.parseInt(range[1].trim()) - Integer.parseInt(range[0].trim()) + 1;
			}
		}
		catch (NumberFormatException ex) {
			return null;
		}
		return cores;
	}

	public String setting(String key) {
		Manifest manifest = manifest();
		if (manifest == null || manifest.settings() == null) {
			return null;
		}
		// the manifest names each setting after the file it came from:
		// "shared: bff.prices.max-streams"
		String value = manifest.settings().get(key);
		return (value != null) ? value : manifest.settings().get("shared: " + key);
	}

	/**
	 * The steps of several repeats grouped by load level (concurrency, offered rate or
	 * background), lowest level first; steps without the key, and steps that are not a
	 * valid measurement ({@link Step#invalidReason()}), are left out.
	 */
	public static List<Level> levels(List<ScenarioRun> runs, Function<Step, ? extends Number> key) {
		Map<Double, List<Step>> byLevel = new TreeMap<>();
		for (ScenarioRun run : runs) {
			for (Step step : run.steps()) {
				Number level = key.apply(step);
				if (level != null && step.invalidReason() == null) {
					byLevel.computeIfAbsent(level.doubleValue(), (k) -> new ArrayList<>()).add(step);
				}
			}
		}
		List<Level> levels = new ArrayList<>();
		byLevel.forEach((level, steps) -> levels.add(new Level(level, List.copyOf(steps))));
		return levels;
	}

	/**
	 * One load level: its step in each repeat.
	 *
	 * @param key the concurrency, offered rate or background of the level
	 * @param steps one per repeat that ran the level
	 */
	public record Level(double key, List<Step> steps) {

		public Spread figure(Function<Step, Double> figure) {
			return Spread.of(this.steps.stream().map(figure).toList());
		}

		/** The median error rate below the limit; false when not measured. */
		public boolean errorsBelow(double limit) {
			Spread errors = figure(Steps::errorRate);
			return errors != null && errors.median() < limit;
		}

	}

}
