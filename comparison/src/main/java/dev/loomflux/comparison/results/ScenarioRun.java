package dev.loomflux.comparison.results;

import java.util.List;

/**
 * One scenario run against one variant.
 *
 * @param scenario e.g. {@code catalog-read}, {@code concurrency-sweep}
 * @param variant the variant measured
 * @param repeat 1-based; the full profile runs each scenario several times
 * @param gatlingReport path of Gatling's HTML report relative to the results folder, or
 * null
 * @param steps the load steps in the order they ran
 * @param series server-side samples scraped during the run
 * @param figures figures of the whole run, named: {@code rssBytesPerStream}
 * (connections), {@code heapBytesPerInFlight} and {@code rssBytesPerInFlight}
 * (concurrency-sweep, slope between the lowest and highest step), {@code ordersCreated},
 * {@code stockInvariantViolations}, {@code duplicateOrders} (orders); a figure that could
 * not be derived is absent
 * @param failure why the run produced no (or partial) figures; null when it went through
 */
public record ScenarioRun(String scenario, String variant, int repeat, String gatlingReport, List<Step> steps,
		List<Sample> series, java.util.Map<String, Double> figures, String failure) {
}
