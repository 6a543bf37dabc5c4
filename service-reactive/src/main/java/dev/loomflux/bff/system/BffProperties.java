package dev.loomflux.bff.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code bff.*} settings, the same keys in both services (defaults in shared-domain's
 * {@code loomflux-common.yaml}).
 *
 * @param model the concurrency model, reported as the {@code model} metric tag
 * @param db database pool settings, mapped onto HikariCP or r2dbc-pool
 * @param cache Redis cache settings
 * @param http HTTP server limits
 * @param insights limits of the CPU-bound insights
 * @param prices limits and pace of the price streams
 */
@ConfigurationProperties("bff")
public record BffProperties(String model, Db db, Cache cache, Http http, Insights insights, Prices prices) {

	/**
	 * @param poolSize connections in the pool, fixed (minimum = maximum)
	 * @param acquireTimeoutMillis how long a request waits for a connection
	 */
	public record Db(int poolSize, long acquireTimeoutMillis) {
	}

	/**
	 * @param productTtl how long a cached product lives; bounds staleness if an eviction
	 * is lost
	 */
	public record Cache(Duration productTtl) {
	}

	/**
	 * @param maxRequestBody larger request bodies get 413
	 */
	public record Http(DataSize maxRequestBody) {
	}

	/**
	 * @param maxConcurrent simulations running or queued at once; more get 503
	 * @param inline run simulations on the event loop instead of the bounded CPU
	 * scheduler (the {@code reactive-inline} variant: the naive mistake, kept on purpose)
	 */
	public record Insights(int maxConcurrent, boolean inline) {
	}

	/**
	 * @param maxStreams open streams at once; more get 503
	 * @param heartbeat how often a stream sends an SSE comment
	 */
	public record Prices(int maxStreams, Duration heartbeat) {
	}

}
