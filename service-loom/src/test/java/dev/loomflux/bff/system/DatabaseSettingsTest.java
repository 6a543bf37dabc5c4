package dev.loomflux.bff.system;

import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pooled connection runs its statements under PostgreSQL's statement_timeout. */
@ServiceTest
class DatabaseSettingsTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldRunStatementsUnderTheConfiguredStatementTimeout() {
		assertThat(this.jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("2s");
	}

}
