package dev.loomflux.comparison;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.loomflux.launcher.FreePort;
import dev.loomflux.launcher.Taskset;

/**
 * Where the comparison's services, stub and load run: CPUs, PostgreSQL and Redis. Read
 * once from the command line and the environment ({@code PGHOST}, {@code PGPORT},
 * {@code PGUSER}, {@code PGPASSWORD}, {@code REDIS_HOST}, {@code REDIS_PORT}), the same
 * for every variant.
 *
 * @param serviceCpus taskset list for the service under test
 * @param loadCpus taskset list for Gatling, the stub and this JVM's warm-up and scrapes
 * @param database the database each variant starts with, created afresh
 * @param redisDatabase the Redis index the services use, flushed before each variant
 * @param aotCache whether each service runs from its extracted jar with a trained AOT
 * cache, as the image runs it ({@code --aot-cache})
 */
record Settings(String serviceCpus, String loadCpus, String pgHost, int pgPort, String pgUser, String pgPassword,
		String database, String redisHost, int redisPort, int redisDatabase, boolean aotCache) {

	/** The stub's ports, chosen once per run: every variant calls the same stub. */
	static final int STUB_PORT = FreePort.next();

	/** The downstream stub's TEST issuer, which mints the customers' tokens. */
	static String issuer() {
		return "http://127.0.0.1:" + STUB_PORT + "/test-issuer";
	}

	static final int STUB_MANAGEMENT_PORT = FreePort.next();

	static Settings fromEnvironment(String serviceCpus, String loadCpus, boolean aotCache) {
		Map<String, String> env = System.getenv();
		return new Settings(serviceCpus, loadCpus, env.getOrDefault("PGHOST", "127.0.0.1"),
				Integer.parseInt(env.getOrDefault("PGPORT", "5432")), env.getOrDefault("PGUSER", "postgres"),
				env.getOrDefault("PGPASSWORD", ""), "loomflux_compare", env.getOrDefault("REDIS_HOST", "127.0.0.1"),
				Integer.parseInt(env.getOrDefault("REDIS_PORT", "6379")), 7, aotCache);
	}

	/** How many CPUs the service list names; 1 when unpinned. */
	int serviceCores() {
		return Taskset.count(this.serviceCpus);
	}

	String jdbcUrl(String name) {
		return "jdbc:postgresql://" + this.pgHost + ":" + this.pgPort + "/" + name;
	}

	/**
	 * What every service gets: the database, Redis and stub of this run; pools come from
	 * its config.
	 */
	Map<String, String> serviceEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", jdbcUrl(this.database));
		environment.put("SPRING_DATASOURCE_USERNAME", this.pgUser);
		environment.put("SPRING_DATASOURCE_PASSWORD", this.pgPassword);
		environment.put("SPRING_FLYWAY_PASSWORD", this.pgPassword);
		environment.put("SPRING_R2DBC_PASSWORD", this.pgPassword);
		environment.put("SPRING_FLYWAY_URL", jdbcUrl(this.database));
		environment.put("SPRING_FLYWAY_USER", this.pgUser);
		environment.put("SPRING_R2DBC_URL",
				"r2dbc:postgresql://" + this.pgHost + ":" + this.pgPort + "/" + this.database);
		environment.put("SPRING_R2DBC_USERNAME", this.pgUser);
		environment.put("SPRING_DATA_REDIS_HOST", this.redisHost);
		environment.put("SPRING_DATA_REDIS_PORT", Integer.toString(this.redisPort));
		environment.put("SPRING_DATA_REDIS_DATABASE", Integer.toString(this.redisDatabase));
		environment.put("BFF_DOWNSTREAM_URL", "http://127.0.0.1:" + STUB_PORT);
		environment.put("LOGGING_LEVEL_ROOT", "WARN");
		return environment;
	}

}
