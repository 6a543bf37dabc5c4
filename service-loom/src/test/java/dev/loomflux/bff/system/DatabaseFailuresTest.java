package dev.loomflux.bff.system;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A wait for a connection that ran out behind another request is busy, also once that
 * request has given its connection back: under overload one often comes back between the
 * wait's timeout and the answer, and the rule that looked at the connections lent at that
 * moment answered such waits {@code DATABASE_UNAVAILABLE}. The real pool, with one
 * connection and DatabasePoolContract's acquire timeout; service-reactive's
 * DatabaseFailuresTest is its twin over r2dbc-pool.
 */
@ServiceTest
@TestPropertySource(properties = { "bff.db.pool-size=1", "bff.db.acquire-timeout-millis=300" })
class DatabaseFailuresTest {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private DatabaseFailures failures;

	@Test
	void shouldCallAWaitThatRanOutBehindAnotherRequestBusyOnceThatRequestIsDone() throws Exception {
		// a Throwable: a SQLException is also an Iterable, which AssertJ would take it
		// for
		Throwable timedOut;
		try (Connection held = this.dataSource.getConnection()) {
			timedOut = catchThrowableOfType(SQLTransientConnectionException.class, this.dataSource::getConnection);
		}
		// the one connection is back in the pool, idle, before the failure is judged
		assertThat(timedOut).as("the second wait ran out").isNotNull();
		assertThat(this.failures.isBusy(timedOut)).isTrue();
	}

}
