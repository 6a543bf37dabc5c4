package dev.loomflux.bff.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code bff.*} settings, the same keys in both services (defaults in shared-domain's
 * {@code loomflux-common.yaml}).
 *
 * @param model the concurrency model, reported as the {@code model} metric tag
 * @param db database pool settings, mapped onto HikariCP or r2dbc-pool
 * @param redis how the one Redis connection comes back after Redis went away
 * @param cache Redis cache settings
 * @param cart cart settings
 * @param downstream the recommendation and promotion services
 * @param home the home page fan-out
 * @param http HTTP server limits
 * @param admission how many API requests may be in flight at once
 * @param insights limits of the CPU-bound insights
 * @param prices limits and pace of the price streams
 * @param orders how many orders may be in their transaction at once
 * @param security who issues the bearer tokens and how they are checked
 */
@ConfigurationProperties("bff")
public record BffProperties(String model, Db db, Redis redis, Cache cache, Cart cart, Downstream downstream, Home home,
		Http http, Admission admission, Insights insights, Prices prices, Orders orders, Security security) {

	/**
	 * @param poolSize connections in the pool, fixed (minimum = maximum)
	 * @param acquireTimeoutMillis how long a request waits for a connection
	 * @param statementTimeoutMillis PostgreSQL's statement_timeout on every connection
	 */
	public record Db(int poolSize, long acquireTimeoutMillis, long statementTimeoutMillis) {
	}

	/**
	 * @param reconnectMaxDelay the longest pause between two reconnection attempts
	 * @param startUpAttempts how many times start-up tries to open the connection before
	 * the service becomes ready without it
	 */
	public record Redis(Duration reconnectMaxDelay, int startUpAttempts) {
	}

	/**
	 * @param productTtl how long a cached product lives; bounds staleness if an eviction
	 * is lost
	 */
	public record Cache(Duration productTtl) {
	}

	/**
	 * @param ttl how long an untouched cart lives in Redis
	 */
	public record Cart(Duration ttl) {
	}

	/**
	 * @param url base URL of the downstream services
	 * @param maxConnections connection pool size, equal in both services
	 * @param connectTimeout TCP connect timeout
	 * @param recommendationsTimeout response timeout of {@code GET /recommendations}
	 * @param promotionsTimeout response timeout of {@code GET /promotions}
	 * @param circuitBreaker the circuit breaker in front of each endpoint
	 */
	public record Downstream(String url, int maxConnections, Duration connectTimeout, Duration recommendationsTimeout,
			Duration promotionsTimeout, CircuitBreaker circuitBreaker) {

		/**
		 * One Resilience4j circuit breaker per endpoint, over a count-based window of its
		 * latest calls; a timeout is a failure like an error answer.
		 *
		 * @param failureRateThreshold percentage of failed calls in the window that opens
		 * the breaker
		 * @param slidingWindowSize how many of the latest calls the failure rate is taken
		 * over
		 * @param minimumNumberOfCalls calls needed before the failure rate counts at all
		 * @param waitInOpenState how long an open breaker calls nothing before it lets
		 * probes through
		 * @param permittedCallsInHalfOpenState probe calls that decide whether it closes
		 * or opens again
		 */
		public record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
				Duration waitInOpenState, int permittedCallsInHalfOpenState) {
		}

	}

	/**
	 * @param deadline the whole home request; sections not done by then are degraded
	 * @param recommendations how many products to recommend
	 */
	public record Home(Duration deadline, int recommendations) {
	}

	/**
	 * @param maxRequestBody larger request bodies get 413
	 * @param readTimeout a request body that stops arriving for this long gets 408 and
	 * its connection is closed; a connection waiting that long for a request is closed
	 */
	public record Http(DataSize maxRequestBody, Duration readTimeout) {
	}

	/**
	 * @param maxConcurrent API requests in flight at once (price streams aside); more get
	 * 503
	 */
	public record Admission(int maxConcurrent) {
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

	/**
	 * @param maxConcurrent order transactions at once; more orders wait in line, holding
	 * no connection
	 * @param maxWait how long an order waits in line; then 503 {@code DATABASE_BUSY}
	 * @param rateLimit how many orders one customer may place, across every replica
	 */
	public record Orders(int maxConcurrent, Duration maxWait, RateLimit rateLimit) {

		/**
		 * @param capacity orders one customer may place at once, and per period
		 * @param period the time in which a used-up allowance refills completely
		 */
		public record RateLimit(int capacity, Duration period) {
		}

	}

	/**
	 * @param issuer the {@code iss} every token must carry
	 * @param audience what its {@code aud} must contain
	 * @param jwksUri where the issuer publishes its signing keys
	 * @param jwsAlgorithms the signature algorithms accepted
	 * @param clockSkew leeway for {@code exp} and {@code nbf}
	 * @param jwksCacheTtl how long a fetched key set is used
	 * @param jwksRefetchMinInterval the shortest pause between two fetches caused by a
	 * token whose key is not in the key set
	 * @param jwksTimeout the fetch's connect and response timeout, each
	 */
	public record Security(String issuer, String audience, String jwksUri, List<String> jwsAlgorithms,
			Duration clockSkew, Duration jwksCacheTtl, Duration jwksRefetchMinInterval, Duration jwksTimeout) {
	}

}
