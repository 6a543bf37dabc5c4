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
 * (concurrency-sweep, slope between the lowest and highest valid step),
 * {@code ordersCreated}, {@code stockInvariantViolations}, {@code duplicateOrders}
 * (orders); in every run {@link #WARMUP_STEADY}, {@code warmupRounds},
 * {@code warmupJitShare}, {@code warmupClimb}, {@code warmupSpread} and
 * {@code warmupJitShareLastRounds} (the warm-up before it), and in open-model runs the
 * cost per request at the profile's {@code efficiencyRate} ({@code efficiencyRate},
 * {@code cpuMicrosPerRequest}, {@code capacityPerCore}, {@code allocatedBytesPerRequest},
 * {@code databaseCpuMicrosPerRequest}); a figure that could not be derived is absent
 * @param failure why the run produced no (or partial) figures; null when it went through
 */
public record ScenarioRun(String scenario, String variant, int repeat, String gatlingReport, List<Step> steps,
		List<Sample> series, java.util.Map<String, Double> figures, String failure) {

	/**
	 * The figure that says whether the service was warm when the run began: 1 when the
	 * warm-up before it ended steady (throughput plateau and the JIT quiet), 0 when it
	 * hit its time limit. No verdict may rest on a run without 1.
	 */
	public static final String WARMUP_STEADY = "warmupSteady";

	/** Whether the warm-up before this run ended steady; false when not recorded. */
	public boolean warm() {
		return this.figures != null && Double.valueOf(1.0).equals(this.figures.get(WARMUP_STEADY));
	}

}
