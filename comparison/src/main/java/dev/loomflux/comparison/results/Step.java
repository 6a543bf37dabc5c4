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
 * @param loadGenerator whether the load generator kept to its schedule; null when not
 * checked
 * @param interference what else used the machine during the step; null when not recorded
 * @param startMillis when the step's load began, epoch milliseconds: with
 * {@code endMillis}, the window to place anything else recorded on the machine in (a GC
 * log line, a neighbour's busy spell); null in files written before it was kept
 * @param endMillis when the step's load ended, epoch milliseconds
 */
public record Step(String label, Double offeredRate, Integer concurrency, Integer background, double seconds,
		Map<String, RequestStats> requests, ServerStats server, LoadGeneratorCheck loadGenerator,
		Interference interference, Long startMillis, Long endMillis) {

	public Step(String label, Double offeredRate, Integer concurrency, Integer background, double seconds,
			Map<String, RequestStats> requests, ServerStats server) {
		this(label, offeredRate, concurrency, background, seconds, requests, server, null, null);
	}

	public Step(String label, Double offeredRate, Integer concurrency, Integer background, double seconds,
			Map<String, RequestStats> requests, ServerStats server, LoadGeneratorCheck loadGenerator,
			Interference interference) {
		this(label, offeredRate, concurrency, background, seconds, requests, server, loadGenerator, interference, null,
				null);
	}

	/**
	 * Why this step measured something other than the service (the load generator fell
	 * behind, the machine interfered), or null when it is a valid measurement. No knee or
	 * verdict may rest on an invalid step.
	 */
	public String invalidReason() {
		if (this.loadGenerator != null && this.loadGenerator.problem() != null) {
			return this.loadGenerator.problem();
		}
		if (this.interference != null && this.interference.problem() != null) {
			return this.interference.problem();
		}
		return null;
	}

}
