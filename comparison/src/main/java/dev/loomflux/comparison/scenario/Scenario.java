package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.results.Step;

/**
 * What the harness knows about one scenario beyond its steps (which are data, in the
 * profiles' YAML, and its Gatling simulation): the figures derived from a whole run, its
 * knee objective, its columns in summary.md and what its report section plots
 * differently. One class per scenario, found by name ({@link Scenarios#named}): adding a
 * scenario is its class, its simulation and its YAML.
 */
public interface Scenario {

	/** As in the profiles, e.g. {@code catalog-read}. */
	String name();

	/**
	 * The p99 objective of its knee, ms; empty for a scenario without a knee (closed
	 * steps, a single step).
	 */
	default Optional<Double> p99ObjectiveMs() {
		return Optional.empty();
	}

	/**
	 * Figures of the whole run rather than of one step (memory per in-flight request,
	 * say); a figure whose inputs are missing is left out, never set to zero.
	 */
	default Map<String, Double> derive(List<Step> steps) {
		return Map.of();
	}

	/** Its table's columns in summary.md, after the variant's. */
	List<String> summaryHeader();

	/** One variant's cells under {@link #summaryHeader()}; called when it has runs. */
	List<String> summaryRow(Evidence evidence, String variant);

	/** The x axis of its report charts when its steps are closed (users in flight). */
	default String closedAxisLabel() {
		return "users in flight";
	}

	/**
	 * A request name that is background load, not what the scenario measures: the report
	 * plots the other (foreground) requests only.
	 */
	default Optional<String> backgroundRequest() {
		return Optional.empty();
	}

	/**
	 * The requests its warm-up sends, in its simulation's proportions (percent), before
	 * each of its runs; every endpoint's mix by default.
	 */
	default Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.EVERY_ENDPOINT;
	}

	/**
	 * What it checks in the database around a run (orders: the stock invariant), as
	 * figures of the run; nothing by default.
	 */
	default RunCheck check(Database database, Map<String, String> parameters) {
		return RunCheck.NONE;
	}

}
