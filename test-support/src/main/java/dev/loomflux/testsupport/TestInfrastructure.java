package dev.loomflux.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL and Redis that every test of this project runs against, once per
 * JVM.
 * <p>
 * With a Docker engine, Testcontainers starts both. Without one (as on the project's CI
 * machines), the tests use the local services and create a <em>fresh database</em> for
 * the run, dropped when the JVM exits, and a Redis database index of their own that is
 * flushed at start. Either way the services see only ordinary Spring properties, so the
 * code under test is the same on both paths. {@code LOOMFLUX_TEST_INFRA=local|containers}
 * forces a path; the local endpoints come from
 * {@code LOOMFLUX_TEST_PG_HOST/PORT/USER/PASSWORD} and
 * {@code LOOMFLUX_TEST_REDIS_HOST/PORT}; {@code LOOMFLUX_TEST_REDIS_DB_OFFSET} shifts the
 * Redis database indexes, so that two checkouts can run their tests at the same time.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	private static final String DATABASE_PREFIX = "loomflux_test_";

	/**
	 * Unique per database of this process, also across JVM restarts with a reused pid.
	 */
	private static final AtomicLong DATABASE_SUFFIX = new AtomicLong(System.currentTimeMillis());

	private static TestInfrastructure instance;

	private final String pgHost;

	private final int pgPort;

	private final String database;

	private final String user;

	private final String password;

	private final String redisHost;

	private final int redisPort;

	private final int redisDatabase;

	private RedisCommands<String, String> redis;

	private TestInfrastructure(String pgHost, int pgPort, String database, String user, String password,
			String redisHost, int redisPort, int redisDatabase) {
		this.pgHost = pgHost;
		this.pgPort = pgPort;
		this.database = database;
		this.user = user;
		this.password = password;
		this.redisHost = redisHost;
		this.redisPort = redisPort;
		this.redisDatabase = redisDatabase;
	}

	/**
	 * The infrastructure of this JVM, started (or a fresh database created) on first use.
	 */
	public static synchronized TestInfrastructure get() {
		if (instance == null) {
			instance = useContainers() ? Containers.start() : local();
			instance.flushRedis();
			log.info("Tests use PostgreSQL {} and Redis {}", instance.jdbcUrl(), instance.redisUri());
		}
		return instance;
	}

	private static boolean useContainers() {
		String mode = env("LOOMFLUX_TEST_INFRA", "auto");
		if (!mode.equals("auto")) {
			return mode.equals("containers");
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException noDocker) {
			return false;
		}
	}

	static TestInfrastructure containers(String pgHost, int pgPort, String database, String user, String password,
			String redisHost, int redisPort) {
		return new TestInfrastructure(pgHost, pgPort, database, user, password, redisHost, redisPort, 0);
	}

	private static TestInfrastructure local() {
		String host = env("LOOMFLUX_TEST_PG_HOST", "localhost");
		int port = Integer.parseInt(env("LOOMFLUX_TEST_PG_PORT", "5432"));
		String user = env("LOOMFLUX_TEST_PG_USER", "postgres");
		String password = env("LOOMFLUX_TEST_PG_PASSWORD", "");
		String database = createDatabase(host, port, user, password);
		// each module has an index of its own; an offset moves them all,
		// for two checkouts tested at once
		int redisDatabase = Math.floorMod(Integer.getInteger("loomflux.test.redis-database", 15)
				+ Integer.parseInt(env("LOOMFLUX_TEST_REDIS_DB_OFFSET", "0")), 16);
		return new TestInfrastructure(host, port, database, user, password,
				env("LOOMFLUX_TEST_REDIS_HOST", "localhost"), Integer.parseInt(env("LOOMFLUX_TEST_REDIS_PORT", "6379")),
				redisDatabase);
	}

	/**
	 * Another database on the same PostgreSQL, created empty (no schema, no data) and
	 * dropped when the JVM exits, with this run's Redis: for tests of what the services
	 * do with a database they have never seen, as on a first deployment.
	 */
	public TestInfrastructure withEmptyDatabase() {
		String empty = createDatabase(this.pgHost, this.pgPort, this.user, this.password);
		return new TestInfrastructure(this.pgHost, this.pgPort, empty, this.user, this.password, this.redisHost,
				this.redisPort, this.redisDatabase);
	}

	/**
	 * Creates a database named after this process (after dropping those of runs whose
	 * process is gone) and drops it when the JVM exits.
	 */
	private static String createDatabase(String host, int port, String user, String password) {
		String database = DATABASE_PREFIX + ProcessHandle.current().pid() + "_" + DATABASE_SUFFIX.incrementAndGet();
		String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
		try (Connection admin = DriverManager.getConnection(adminUrl, credentials(user, password));
				Statement statement = admin.createStatement()) {
			dropDatabasesOfDeadRuns(statement);
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + adminUrl
					+ ": is PostgreSQL running? (./loomflux test starts it)", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(adminUrl, user, password, database)));
		return database;
	}

	/**
	 * Test databases are named after the creating process; those whose process is gone
	 * are litter.
	 */
	private static void dropDatabasesOfDeadRuns(Statement statement) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (ResultSet rows = statement
			.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + DATABASE_PREFIX + "%'")) {
			while (rows.next()) {
				String name = rows.getString(1);
				String[] parts = name.substring(DATABASE_PREFIX.length()).split("_");
				boolean alive = parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)
						&& ProcessHandle.of(Long.parseLong(parts[0])).isPresent();
				if (!alive) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}

	private static void dropDatabase(String adminUrl, String user, String password, String database) {
		try (Connection admin = DriverManager.getConnection(adminUrl, credentials(user, password));
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + database + ": " + ex.getMessage());
		}
	}

	private static Properties credentials(String user, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		return properties;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	public String jdbcUrl() {
		return jdbcUrl(this.pgHost, this.pgPort);
	}

	/** This run's database, reached at another address (a {@link TcpProxy}, say). */
	public String jdbcUrl(String host, int port) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + this.database;
	}

	public String r2dbcUrl() {
		return r2dbcUrl(this.pgHost, this.pgPort);
	}

	/** This run's database over R2DBC, reached at another address. */
	public String r2dbcUrl(String host, int port) {
		return "r2dbc:postgresql://" + host + ":" + port + "/" + this.database;
	}

	public String postgresHost() {
		return this.pgHost;
	}

	public int postgresPort() {
		return this.pgPort;
	}

	public String redisHost() {
		return this.redisHost;
	}

	public int redisPort() {
		return this.redisPort;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	private String redisUri() {
		return "redis://" + this.redisHost + ":" + this.redisPort + "/" + this.redisDatabase;
	}

	/**
	 * The Spring properties that point a service at this infrastructure; the same keys as
	 * a user sets in production, for JDBC, R2DBC, Flyway and Redis alike.
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbcUrl());
		properties.put("spring.datasource.username", this.user);
		properties.put("spring.datasource.password", this.password);
		properties.put("spring.r2dbc.url", r2dbcUrl());
		properties.put("spring.r2dbc.username", this.user);
		properties.put("spring.r2dbc.password", this.password);
		properties.put("spring.data.redis.host", this.redisHost);
		properties.put("spring.data.redis.port", Integer.toString(this.redisPort));
		properties.put("spring.data.redis.database", Integer.toString(this.redisDatabase));
		return properties;
	}

	/** For {@code @DynamicPropertySource} methods of Spring Boot tests. */
	public void registerProperties(DynamicPropertyRegistry registry) {
		springProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * The same properties as environment variables, for services started as processes.
	 */
	public Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		springProperties().forEach((key, value) -> environment
			.put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""), value));
		return environment;
	}

	/**
	 * A JDBC connection to the test database, for tests that check what a request did to
	 * the data.
	 */
	public Connection openConnection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), credentials(this.user, this.password));
	}

	/**
	 * Redis commands on this run's database, for tests that look into or prepare the
	 * cache.
	 */
	public synchronized RedisCommands<String, String> redis() {
		if (this.redis == null) {
			this.redis = RedisClient.create(RedisURI.create(redisUri())).connect().sync();
		}
		return this.redis;
	}

	/**
	 * Empties this run's Redis database (never another's: each test JVM has an index of
	 * its own).
	 */
	public void flushRedis() {
		RedisClient client = RedisClient.create(RedisURI.create(redisUri()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().flushdb();
		}
		finally {
			client.shutdown();
		}
	}

}
