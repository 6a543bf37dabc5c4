package dev.loomflux.bff.system;

import java.time.Duration;

import dev.loomflux.testsupport.ServiceTest;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A wait for a connection that ran out behind another request is busy, also once that
 * request has given its connection back: under overload one often comes back between the
 * wait's timeout and the answer, and the rule that looked at the connections lent at that
 * moment answered such waits {@code DATABASE_UNAVAILABLE}. The real pool, with one
 * connection and DatabasePoolContract's acquire timeout; service-loom's
 * DatabaseFailuresTest is its twin over HikariCP.
 */
@ServiceTest
@TestPropertySource(properties = { "bff.db.pool-size=1", "bff.db.acquire-timeout-millis=300" })
class DatabaseFailuresTest {

	private static final Duration BLOCK_LIMIT = Duration.ofSeconds(10);

	@Autowired
	private ConnectionFactory connectionFactory;

	@Autowired
	private DatabaseFailures failures;

	@Test
	void shouldCallAWaitThatRanOutBehindAnotherRequestBusyOnceThatRequestIsDone() {
		Connection held = Mono.from(this.connectionFactory.create()).block(BLOCK_LIMIT);
		R2dbcTimeoutException timedOut;
		try {
			timedOut = catchThrowableOfType(R2dbcTimeoutException.class,
					() -> Mono.from(this.connectionFactory.create()).block(BLOCK_LIMIT));
		}
		finally {
			Mono.from(held.close()).block(BLOCK_LIMIT);
		}
		// the one connection is back in the pool, idle, before the failure is judged
		assertThat(timedOut).as("the second wait ran out").isNotNull();
		assertThat(this.failures.isBusy(timedOut)).isTrue();
	}

}
