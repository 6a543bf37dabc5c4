package dev.loomflux.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first deployment: the services started from their jars against a database that has no
 * schema yet, configured as a user configures them (the JDBC, R2DBC and Redis addresses
 * only). They must come up ready with the schema and the seed migrated exactly once.
 * Migrations run on a connection of their own, without the request pools' statement
 * timeout, which cancelled the seed and stopped service-loom before: the timeout is set
 * far below what the seed takes, so the test fails whenever a migration runs on a pooled
 * connection. Started both at once, Flyway's advisory lock makes the second wait and then
 * find the schema done.
 */
class EmptyDatabaseStartParityTest {

	/** Well below the seed's time, still far above a primary-key read's. */
	private static final String STATEMENT_TIMEOUT_MILLIS = "250";

	@ParameterizedTest
	@ValueSource(strings = { "service-loom", "service-reactive" })
	void shouldStartOnAnEmptyDatabase(String service) throws Exception {
		assertStartedOnEmptyDatabase(List.of(service));
	}

	@Test
	void shouldStartBothServicesAtOnceOnAnEmptyDatabase() throws Exception {
		assertStartedOnEmptyDatabase(List.of("service-loom", "service-reactive"));
	}

	private static void assertStartedOnEmptyDatabase(List<String> services) throws Exception {
		TestInfrastructure empty = TestInfrastructure.get().withEmptyDatabase();
		Map<String, String> environment = new HashMap<>(empty.environment());
		environment.put("BFF_DB_STATEMENTTIMEOUTMILLIS", STATEMENT_TIMEOUT_MILLIS);
		List<Future<JarProcess>> starts;
		try (ExecutorService starting = Executors.newFixedThreadPool(services.size())) {
			starts = services.stream()
				.map((service) -> starting.submit(() -> JarProcess.start(service, environment)))
				.toList();
		}
		try {
			for (Future<JarProcess> start : starts) {
				JarProcess service = start.get(0, TimeUnit.SECONDS);
				assertThat(service.api().get("/api/products/10000").status()).as("%s serves the seed", service.name())
					.isEqualTo(200);
			}
			try (Connection connection = DriverManager.getConnection(empty.jdbcUrl(), empty.user(), empty.password());
					Statement statement = connection.createStatement()) {
				assertThat(count(statement, "SELECT count(*) FROM flyway_schema_history WHERE success"))
					.as("each migration applied once")
					.isEqualTo(migrations());
				assertThat(count(statement, "SELECT count(*) FROM products")).isEqualTo(10_000);
			}
		}
		finally {
			// one that started is stopped also when another did not
			for (Future<JarProcess> start : starts) {
				if (start.state() == Future.State.SUCCESS) {
					start.resultNow().close();
				}
			}
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The migrations shared-domain ships (its V*__*.sql files), as Flyway finds them. */
	private static long migrations() throws IOException {
		try (Stream<Path> files = Files
			.list(Path.of("..", "shared-domain", "src", "main", "resources", "db", "migration"))) {
			return files.filter((file) -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
		}
	}

}
