package dev.loomflux.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Docker path of {@link TestInfrastructure}: PostgreSQL and Redis in containers,
 * started once per JVM and stopped by Testcontainers' reaper when it exits.
 */
final class Containers {

	private Containers() {
	}

	@SuppressWarnings("resource") // stopped by the Ryuk reaper when the JVM exits
	static TestInfrastructure start() {
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
		GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		postgres.start();
		redis.start();
		return TestInfrastructure.containers(postgres.getHost(), postgres.getMappedPort(5432),
				postgres.getDatabaseName(), postgres.getUsername(), postgres.getPassword(), redis.getHost(),
				redis.getMappedPort(6379));
	}

}
