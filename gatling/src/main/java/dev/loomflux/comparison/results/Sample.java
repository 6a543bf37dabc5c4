package dev.loomflux.comparison.results;

/**
 * One scrape during a scenario run, for the report's time series. Same meaning as
 * {@link ServerStats}; null where absent.
 *
 * @param seconds since the scenario run began
 */
public record Sample(double seconds, Double cpu, Double rssBytes, Double heapUsedBytes, Double platformThreads,
		Double virtualThreadsMounted, Double dbPoolActive, Double eventLoopPendingTasks) {
}
