package dev.loomflux.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The init step k8s/base and docker-compose.yml give the postgres image
 * ({@code k8s/base/postgres-init-roles.sh}), run as the image runs it, on a scratch
 * database of the test PostgreSQL: then the project's real migrations run through Flyway
 * as the owner role, and the application role can do what the services do (read, lock
 * rows, take stock, write orders, take advisory locks) and nothing more (no DDL, no
 * TRUNCATE). Roles are cluster-wide, so this run's get a suffix of their own and are
 * dropped afterwards. Skipped where psql or the test PostgreSQL is absent.
 */
class PostgresRolesTest {

	private static final String HOST = env("LOOMFLUX_TEST_PG_HOST", "127.0.0.1");

	private static final int PORT = Integer.parseInt(env("LOOMFLUX_TEST_PG_PORT", "5432"));

	private static final String SUPERUSER = env("LOOMFLUX_TEST_PG_USER", "postgres");

	private static final String SUPERUSER_PASSWORD = env("LOOMFLUX_TEST_PG_PASSWORD", "");

	private static final String SUFFIX = "_check_" + ProcessHandle.current().pid();

	private static final String DATABASE = "loomflux_roles" + SUFFIX;

	private static final String OWNER = "loomflux_owner" + SUFFIX;

	private static final String APP = "loomflux_app" + SUFFIX;

	private static final String PASSWORD = "roles-check";

	@BeforeAll
	static void initialiseLikeThePostgresImage() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")) || onPath("psql"),
				"psql not found: skipping the PostgreSQL roles check");
		assumeTrue(reachable(), "no PostgreSQL on " + HOST + ":" + PORT + ": skipping the PostgreSQL roles check");
		try (Connection admin = connect("postgres", SUPERUSER, SUPERUSER_PASSWORD)) {
			admin.createStatement().execute("CREATE DATABASE " + DATABASE);
		}
		// as docker-entrypoint.sh runs it: POSTGRES_USER and POSTGRES_DB set, psql on
		// PATH
		Map<String, String> environment = new HashMap<>(Map.of("POSTGRES_USER", SUPERUSER, "POSTGRES_DB", DATABASE,
				"PGHOST", HOST, "PGPORT", String.valueOf(PORT), "PGPASSWORD", SUPERUSER_PASSWORD, "LOOMFLUX_OWNER_USER",
				OWNER, "LOOMFLUX_OWNER_PASSWORD", PASSWORD, "LOOMFLUX_APP_USER", APP, "LOOMFLUX_APP_PASSWORD",
				PASSWORD));
		run(environment, "bash", Repository.path("k8s/base/postgres-init-roles.sh").toString());
		Flyway.configure()
			.dataSource(url(DATABASE), OWNER, PASSWORD)
			.locations("filesystem:" + Repository.path("shared-domain/src/main/resources/db/migration"))
			.load()
			.migrate();
	}

	@AfterAll
	static void dropEverything() throws SQLException {
		if (!reachable()) {
			return;
		}
		try (Connection admin = connect("postgres", SUPERUSER, SUPERUSER_PASSWORD);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			statement.execute("DROP ROLE IF EXISTS " + APP);
			statement.execute("DROP ROLE IF EXISTS " + OWNER);
		}
	}

	@Test
	void shouldCreateRolesThatAreNotSuperusers() throws SQLException {
		try (Connection admin = connect(DATABASE, SUPERUSER, SUPERUSER_PASSWORD);
				ResultSet roles = admin.createStatement()
					.executeQuery(
							"SELECT rolname, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname IN ('"
									+ OWNER + "', '" + APP + "') ORDER BY rolname")) {
			int count = 0;
			while (roles.next()) {
				count++;
				assertThat(List.of(roles.getBoolean(2), roles.getBoolean(3), roles.getBoolean(4)))
					.as(roles.getString(1))
					.containsOnly(false);
			}
			assertThat(count).isEqualTo(2);
		}
	}

	@Test
	void shouldLetTheApplicationRoleDoWhatTheServicesDo() throws SQLException {
		try (Connection app = connect(DATABASE, APP, PASSWORD)) {
			app.setAutoCommit(false);
			Statement statement = app.createStatement();
			assertThat(single(statement, "SELECT count(*) FROM products")).isPositive();
			assertThat(single(statement, "SELECT count(*) FROM customers")).isPositive();
			statement.executeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('roles-check', 0))").close();
			statement
				.executeQuery("SELECT id, price_cents, stock FROM products WHERE id IN (1, 2) ORDER BY id FOR UPDATE")
				.close();
			assertThat(statement.executeUpdate("UPDATE products SET stock = stock - 1, version = version + 1, "
					+ "updated_at = now() WHERE id = 1"))
				.isEqualTo(1);
			long order = single(statement,
					"INSERT INTO orders (customer_id, status, total_cents, idempotency_key, request_hash) "
							+ "VALUES (1, 'PLACED', 100, 'roles-check', 'hash') RETURNING id");
			assertThat(statement.executeUpdate("INSERT INTO order_items (order_id, product_id, quantity, "
					+ "unit_price_cents) VALUES (" + order + ", 1, 1, 100)"))
				.isEqualTo(1);
			app.rollback();
		}
	}

	@Test
	void shouldNotLetTheApplicationRoleChangeTheSchemaOrEmptyATable() throws SQLException {
		for (String statement : List.of("CREATE TABLE intruder (id int)", "DROP TABLE orders", "TRUNCATE products",
				"ALTER TABLE products ADD COLUMN intruder int")) {
			try (Connection app = connect(DATABASE, APP, PASSWORD)) {
				assertThatExceptionOfType(SQLException.class).as(statement)
					.isThrownBy(() -> app.createStatement().execute(statement))
					.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isIn("42501", "42P01"));
			}
		}
	}

	private static long single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getLong(1);
		}
	}

	private static Connection connect(String database, String user, String password) throws SQLException {
		return DriverManager.getConnection(url(database), user, password);
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	private static void run(Map<String, String> environment, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	private static boolean reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean onPath(String binary) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
				return true;
			}
		}
		return false;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
