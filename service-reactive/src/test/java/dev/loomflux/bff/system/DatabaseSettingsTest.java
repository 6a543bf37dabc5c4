package dev.loomflux.bff.system;

import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pooled connection runs its statements under PostgreSQL's statement_timeout. */
@ServiceTest
class DatabaseSettingsTest {

	@Autowired
	private DatabaseClient db;

	@Test
	void shouldRunStatementsUnderTheConfiguredStatementTimeout() {
		String timeout = this.db.sql("SHOW statement_timeout").map((row) -> row.get(0, String.class)).one().block();

		assertThat(timeout).isEqualTo("2s");
	}

}
