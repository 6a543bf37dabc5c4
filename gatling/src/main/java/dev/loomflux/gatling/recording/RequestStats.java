package dev.loomflux.gatling.recording;

/**
 * Client-side figures of one request name in one step, from the HdrHistogram the
 * simulation records every response into. Latencies are milliseconds from the moment
 * Gatling sent the request; with open-model injection that is the scheduled time, so
 * queueing is not hidden.
 *
 * @param ok responses that passed the request's checks
 * @param ko failed checks, error statuses, timeouts and connection failures
 * @param okPerSecond {@code ok / step seconds}
 * @param p50 percentiles of successful responses; null when there were none
 * @param max the slowest successful response
 * @param errors status code (or {@code "connect"}, {@code "timeout"}) to count, for the
 * failures
 */
public record RequestStats(long ok, long ko, double okPerSecond, Double p50, Double p90, Double p99, Double p999,
		Double max, java.util.Map<String, Long> errors) {
}
