package dev.loomflux.bff.system;

import java.util.concurrent.TimeoutException;

import dev.loomflux.domain.error.SqlStates;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;

import org.springframework.stereotype.Component;

/**
 * Tells a busy database from an unavailable one, for {@link ApiExceptionHandler}. Busy
 * (503 {@code DATABASE_BUSY}, with {@code Retry-After}): PostgreSQL cancelled a statement
 * that waited too long ({@link SqlStates}), or a request's wait for a connection ran out
 * while every connection of the pool was lent to other requests. Everything else that
 * keeps a request from the database is an outage (503 {@code DATABASE_UNAVAILABLE}).
 * service-loom's {@code DatabaseFailures} draws the same line over JDBC.
 */
@Component
class DatabaseFailures {

	private final ConnectionFactory connectionFactory;

	DatabaseFailures(ConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	boolean isBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// r2dbc-pool's "Connection acquisition timed out"
			if (cause instanceof R2dbcTimeoutException && cause.getCause() instanceof TimeoutException) {
				return everyConnectionLent();
			}
			if (cause instanceof R2dbcException r2dbc && SqlStates.isBusy(r2dbc.getSqlState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether every connection the pool may open is lent out: the wait ran out because of
	 * other requests, not because the pool cannot connect.
	 */
	private boolean everyConnectionLent() {
		if (!(this.connectionFactory instanceof ConnectionPool pool)) {
			return false;
		}
		return pool.getMetrics()
			.map((metrics) -> metrics.acquiredSize() >= metrics.getMaxAllocatedSize())
			.orElse(false);
	}

}
