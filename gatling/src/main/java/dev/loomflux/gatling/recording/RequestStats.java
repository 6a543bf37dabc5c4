package dev.loomflux.gatling.recording;

import java.util.Map;

/**
 * Client-side figures of one request name in one step, from the HdrHistograms the
 * simulation records every response into. Latencies are milliseconds from the request's
 * timing origin: with open-model injection, the intended send time of the request's
 * virtual user in Gatling's schedule (so a late load generator and a queueing service are
 * both charged, not hidden); for closed-model users and for a user's follow-up requests
 * (a retry, a replay), the moment it was sent.
 *
 * @param ok responses that passed the request's checks
 * @param ko failed checks, error statuses, timeouts, connection failures and requests
 * unanswered when the run stopped
 * @param okPerSecond {@code ok / step seconds}
 * @param p50 percentiles of successful responses only; null when there were none
 * @param p90 see p50
 * @param p99 see p50: the success-only p99
 * @param p999 see p50
 * @param max the slowest successful response
 * @param errors status code (or {@code "no-response"}, {@code "unanswered"}) to count,
 * for the failures
 * @param allP99 the p99 of every request, successes and failures alike, each at the time
 * it took (a timeout at its timeout, a request still unanswered at the end slower than
 * all); the figure the rules use, as a failure can never make it look better; null when
 * no request was recorded (or in results written before it existed)
 */
public record RequestStats(long ok, long ko, double okPerSecond, Double p50, Double p90, Double p99, Double p999,
		Double max, Map<String, Long> errors, Double allP99) {
}
