package dev.loomflux.bff.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Opens the database pool before the service reports itself ready. Readiness no longer
 * asks the database (docs/deployment.md, "Readiness"), and Flyway migrates over a
 * connection of its own, so nothing else would open the pool before the first request:
 * r2dbc-pool then opens all its connections inside that request's acquire timeout, which
 * a loaded machine overran (503 {@code DATABASE_UNAVAILABLE} for the first requests).
 * Spring Boot runs its {@link ApplicationRunner}s on the main thread, before readiness
 * turns to accepting traffic, so waiting here blocks no event loop.
 * <p>
 * r2dbc-pool opens its {@code initial-size} connections in {@code warmup()};
 * service-loom's {@code PoolWarmUp} opens one and HikariCP fills the rest on its own
 * thread. A database that cannot be reached is logged, not fatal: requests then get the
 * designed 503 until it is back.
 */
@Component
class PoolWarmUp implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(PoolWarmUp.class);

	/**
	 * How long the start waits for the pool. Past it the warm-up goes on in the
	 * background: cancelling it left r2dbc-pool unable to lend its one connection for
	 * good (seen with a 300 ms bound in {@code DatabasePoolContract}).
	 */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ConnectionFactory connectionFactory;

	PoolWarmUp(ConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		if (this.connectionFactory instanceof ConnectionPool pool) {
			CompletableFuture<Integer> warmUp = pool.warmup().toFuture();
			try {
				logger.debug("Database pool open: {} connections", warmUp.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
			}
			catch (ExecutionException | TimeoutException ex) {
				logger.warn("Database pool not open at start-up; requests will open it: {}", ex.toString());
			}
		}
	}

}
