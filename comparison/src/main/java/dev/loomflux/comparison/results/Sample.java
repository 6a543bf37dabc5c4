package dev.loomflux.comparison.results;

/**
 * One scrape during a scenario run, for the report's time series. Same meaning as
 * {@link ServerStats}; null where absent.
 *
 * @param seconds since the scenario run began
 * @param cpu busy share of the service's cores since the previous sample (0..1); null for
 * the first
 */
public record Sample(double seconds, Double cpu, Double rssBytes, Double heapUsedBytes, Double platformThreads,
		Double virtualThreadsMounted, Double dbPoolActive, Double eventLoopPendingTasks) {
}
