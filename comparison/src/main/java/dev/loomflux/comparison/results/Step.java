package dev.loomflux.comparison.results;

import java.util.Map;

import dev.loomflux.gatling.recording.RequestStats;

/**
 * One load step of a scenario: a constant arrival rate (open model) or a constant number
 * of concurrent users (closed model) held for {@code seconds}.
 *
 * @param label human-readable, e.g. {@code "2000 req/s"} or {@code "5000 in flight"}
 * @param offeredRate arrivals per second (open model), null for closed steps
 * @param concurrency concurrent users or open streams (closed model), null for open steps
 * @param background CPU-bound background requests kept in flight (cpu-neighbour), null
 * elsewhere
 * @param seconds how long the step lasted
 * @param requests client-side figures per Gatling request name
 * @param server server-side figures over the step
 */
public record Step(String label, Double offeredRate, Integer concurrency, Integer background, double seconds,
		Map<String, RequestStats> requests, ServerStats server) {
}
