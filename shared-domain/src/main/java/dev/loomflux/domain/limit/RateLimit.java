package dev.loomflux.domain.limit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

/**
 * A per-client limit kept in Redis, so that it holds across every replica of both
 * services: at most {@code capacity} requests per {@code period}, refilled evenly (GCRA,
 * the generic cell rate algorithm: one Redis key per client holding the theoretical
 * arrival time, updated by one atomic script with Redis's own clock). Both services run
 * {@link #SCRIPT} and read its answer here, so they admit and refuse alike and answer 429
 * with the same {@code Retry-After} and IETF RateLimit headers
 * (draft-ietf-httpapi-ratelimit-headers).
 *
 * @param name the policy's name in the headers, and the Redis key prefix
 * @param capacity requests allowed at once and per period
 * @param period the time in which a used-up allowance refills completely
 */
public record RateLimit(String name, int capacity, Duration period) {

	/**
	 * GCRA in one atomic step. ARGV: capacity, period in ms. Answers {allowed (1/0), ms
	 * until the next request is allowed, requests left}.
	 */
	public static final String SCRIPT = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local period = tonumber(ARGV[2])
			local interval = period / tonumber(ARGV[1])
			local tat = tonumber(redis.call('GET', KEYS[1]) or now)
			if tat < now then tat = now end
			local next = tat + interval
			local wait = next - period - now
			if wait > 0 then
			  return {0, math.ceil(wait), 0}
			end
			redis.call('SET', KEYS[1], tostring(next), 'PX', math.ceil(next - now))
			return {1, 0, math.floor((now + period - next) / interval)}
			""";

	public RateLimit {
		if (capacity < 1 || period.toMillis() < 1) {
			throw new IllegalArgumentException(
					"A rate limit needs a capacity and a period: " + capacity + "/" + period);
		}
	}

	/** The Redis key of one client's state. */
	public String key(long client) {
		return "ratelimit:" + this.name + ":" + client;
	}

	/** The script's arguments after the key. */
	public String[] arguments() {
		return new String[] { Integer.toString(this.capacity), Long.toString(this.period.toMillis()) };
	}

	/**
	 * Reads the script's answer.
	 * @throws RateLimitedException when the request is over the limit
	 */
	public void check(List<?> answer) {
		if (((Number) answer.get(0)).longValue() == 1) {
			return;
		}
		long waitMillis = ((Number) answer.get(1)).longValue();
		throw new RateLimitedException(this, Math.max(1, (waitMillis + 999) / 1000));
	}

	/** {@code RateLimit-Policy}: the quota and its window in seconds. */
	public String policyHeader() {
		return "\"" + this.name + "\";q=" + this.capacity + ";w=" + Math.max(1, this.period.toSeconds());
	}

	/**
	 * 429 {@code RATE_LIMITED}: this client has used its allowance; its headers say when
	 * to come back.
	 */
	public static final class RateLimitedException extends ApiException {

		private final transient RateLimit limit;

		private final long retryAfterSeconds;

		RateLimitedException(RateLimit limit, long retryAfterSeconds) {
			super(ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.defaultDetail());
			this.limit = limit;
			this.retryAfterSeconds = retryAfterSeconds;
		}

		/** {@code Retry-After}, {@code RateLimit-Policy} and {@code RateLimit}. */
		public Map<String, String> headers() {
			String seconds = Long.toString(this.retryAfterSeconds);
			return Map.of("Retry-After", seconds, "RateLimit-Policy", this.limit.policyHeader(), "RateLimit",
					"\"" + this.limit.name() + "\";r=0;t=" + seconds);
		}

	}

}
