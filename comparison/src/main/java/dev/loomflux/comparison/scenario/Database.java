package dev.loomflux.comparison.scenario;

import java.sql.Connection;
import java.sql.SQLException;

/** The database the service under test uses, for a scenario's checks. */
public interface Database {

	/** Its name, as {@code pg_stat_activity} shows it. */
	String name();

	Connection connect() throws SQLException;

}
