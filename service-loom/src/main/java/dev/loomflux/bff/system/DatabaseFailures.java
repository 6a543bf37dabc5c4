package dev.loomflux.bff.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.loomflux.domain.error.SqlStates;

import org.springframework.stereotype.Component;

/**
 * Tells a busy database from an unavailable one, for {@link ApiExceptionHandler}. Busy
 * (503 {@code DATABASE_BUSY}, with {@code Retry-After}): PostgreSQL cancelled a statement
 * that waited too long ({@link SqlStates}), or a request's wait for a connection ran out
 * while the pool held every connection it may open: it waited behind other requests.
 * Everything else that keeps a request from the database is an outage (503
 * {@code DATABASE_UNAVAILABLE}): then the pool holds fewer, as it cannot open new ones.
 * service-reactive's {@code DatabaseFailures} draws the same line over R2DBC.
 */
@Component
class DatabaseFailures {

	private final DataSource dataSource;

	DatabaseFailures(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	boolean isBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// HikariCP's "Connection is not available, request timed out"
			if (cause instanceof SQLTransientConnectionException) {
				return poolFull();
			}
			if (cause instanceof SQLException sql && SqlStates.isBusy(sql.getSQLState())) {
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
	 * minimum = maximum, and drops the connections that die).
	 */
	private boolean poolFull() {
		if (!(this.dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
			return false;
		}
		HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
		return pool.getTotalConnections() >= hikari.getMaximumPoolSize();
	}

}
