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
 * while every connection of the pool was lent to other requests. Everything else that
 * keeps a request from the database is an outage (503 {@code DATABASE_UNAVAILABLE}).
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
				return everyConnectionLent();
			}
			if (cause instanceof SQLException sql && SqlStates.isBusy(sql.getSQLState())) {
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
		if (!(this.dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
			return false;
		}
		HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
		return pool.getActiveConnections() >= hikari.getMaximumPoolSize();
	}

}
