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
 * while the pool held every connection it may open: it waited behind other requests.
 * Everything else that keeps a request from the database is an outage (503
 * {@code DATABASE_UNAVAILABLE}): then the pool holds fewer, as it cannot open new ones.
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
				return poolFull();
			}
			if (cause instanceof R2dbcException r2dbc && SqlStates.isBusy(r2dbc.getSqlState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the pool holds every connection it may open, lent or idle: the wait ran out
	 * behind other requests, not because the pool cannot connect. Not whether every one
	 * is lent <em>now</em>: under overload a connection often comes back between the
	 * wait's timeout and this check (in one full comparison run, service-loom answered
	 * 328 such waits of mixed's overloaded steps {@code DATABASE_UNAVAILABLE}, with
	 * PostgreSQL up all along), and a pool that cannot connect holds fewer (it is fixed,
	 * initial = maximum, and drops the connections that die). Lent and idle, not
	 * {@code allocatedSize}: that counts connections still being opened, which against an
	 * unreachable server hang until their create timeout.
	 */
	private boolean poolFull() {
		if (!(this.connectionFactory instanceof ConnectionPool pool)) {
			return false;
		}
		return pool.getMetrics()
			.map((metrics) -> metrics.acquiredSize() + metrics.idleSize() >= metrics.getMaxAllocatedSize())
			.orElse(false);
	}

}
