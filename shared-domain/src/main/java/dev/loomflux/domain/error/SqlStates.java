package dev.loomflux.domain.error;

import java.util.Set;

/**
 * The PostgreSQL SQLSTATEs that mean the database is busy, not broken: it answered, but a
 * statement waited longer than it may, mostly for row locks other transactions hold (hot
 * products under a burst of orders). Both services answer them with 503
 * {@code DATABASE_BUSY} and {@code Retry-After}, whether JDBC or R2DBC reported them.
 */
public final class SqlStates {

	/**
	 * {@code query_canceled}: {@code statement_timeout} ran out (it counts lock waits);
	 * {@code lock_not_available}: {@code lock_timeout} ran out.
	 */
	private static final Set<String> BUSY = Set.of("57014", "55P03");

	private SqlStates() {
	}

	public static boolean isBusy(String sqlState) {
		return sqlState != null && BUSY.contains(sqlState);
	}

}
