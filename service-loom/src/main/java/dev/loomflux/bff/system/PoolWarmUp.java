package dev.loomflux.bff.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Opens the database pool before the service reports itself ready. Readiness no longer
 * asks the database (docs/deployment.md, "Readiness"), and Flyway migrates over a
 * connection of its own, so nothing else would open the pool before the first request,
 * which would then wait for PostgreSQL's connection set-up. Spring Boot runs its
 * {@link ApplicationRunner}s before readiness turns to accepting traffic.
 * <p>
 * HikariCP opens one connection here and fills the rest of the fixed pool on its own
 * thread; service-reactive's {@code PoolWarmUp} opens all of r2dbc-pool's, which has no
 * such thread. A database that cannot be reached is logged, not fatal: requests then get
 * the designed 503 until it is back.
 */
@Component
class PoolWarmUp implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(PoolWarmUp.class);

	private final DataSource dataSource;

	PoolWarmUp(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) {
		// bounded by the pool's acquire timeout (bff.db.acquire-timeout-millis)
		try (Connection connection = this.dataSource.getConnection()) {
			logger.debug("Database pool open");
		}
		catch (SQLException ex) {
			logger.warn("Database pool not opened at start-up; requests will open it: {}", ex.getMessage());
		}
	}

}
