package dev.loomflux.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml, read as compose reads it (anchors and merge keys resolved). */
class ComposeFileTest {

	/**
	 * The services a comparison run puts side by side, and the module whose image each
	 * runs.
	 */
	private static final Map<String, String> COMPARED = Map.of("service-loom", "service-loom", "service-reactive",
			"service-reactive", "service-loom-platform", "service-loom", "service-reactive-inline", "service-reactive");

	private final Map<String, Object> compose = Repository.yaml(Repository.path("docker-compose.yml"));

	@Test
	void shouldGiveEveryServiceAnImageOrABuild() {
		services().forEach((name, service) -> assertThat(service.keySet()).as(name).containsAnyOf("image", "build"));
	}

	@Test
	void shouldGiveEveryComparedServiceTheSameLimitsFromOneAnchor() {
		Object shared = service("service-loom").get("deploy");

		assertThat(Repository.<String>at(service("service-loom"), "deploy.resources.limits.cpus")).isNotBlank();
		assertThat(Repository.<String>at(service("service-loom"), "deploy.resources.limits.memory")).isNotBlank();
		// an alias loads as the very same object: all four point at x-compared-resources
		COMPARED.keySet()
			.forEach((name) -> assertThat(service(name).get("deploy")).as(name)
				.isSameAs(shared)
				.isSameAs(this.compose.get("x-compared-resources")));
	}

	@Test
	void shouldRunTheVariantsOnlyUnderTheVariantsProfile() {
		assertThat(service("service-loom-platform").get("profiles")).isEqualTo(List.of("variants"));
		assertThat(service("service-reactive-inline").get("profiles")).isEqualTo(List.of("variants"));
		assertThat(Repository.<String>at(service("service-loom-platform"), "environment.SPRING_PROFILES_ACTIVE"))
			.isEqualTo("platform");
		assertThat(Repository.<String>at(service("service-reactive-inline"), "environment.SPRING_PROFILES_ACTIVE"))
			.isEqualTo("reactive-inline");
	}

	@ParameterizedTest
	@CsvSource({ "downstream, downstream", "service-loom, service-loom", "service-reactive, service-reactive",
			"service-loom-platform, service-loom", "service-reactive-inline, service-reactive" })
	void shouldBuildTheModulesImageWithItsManagementPortForTheImagesHealthCheck(String service, String module) {
		assertThat(Repository.<Map<String, Object>>at(service(service), "build.args")).as(service)
			.containsEntry("MODULE", module)
			.containsEntry("SERVER_PORT", String.valueOf(ServiceConfiguration.of(module).port()))
			.containsEntry("MANAGEMENT_PORT", String.valueOf(ServiceConfiguration.of(module).managementPort()));
		assertThat(Repository.path(module + "/pom.xml")).exists();
		assertThat(service(service).get("image")).isEqualTo("loomflux/" + module + ":local");
	}

	@ParameterizedTest
	@CsvSource({ "downstream, downstream", "service-loom, service-loom", "service-reactive, service-reactive",
			"service-loom-platform, service-loom", "service-reactive-inline, service-reactive" })
	void shouldPublishThePortsTheServiceListensOn(String service, String module) {
		ServiceConfiguration configuration = ServiceConfiguration.of(module);

		assertThat(containerPorts(service(service))).as(service)
			.contains(configuration.port(), configuration.managementPort());
	}

	@ParameterizedTest
	@CsvSource({ "downstream, downstream", "service-loom, service-loom", "service-reactive, service-reactive",
			"service-loom-platform, service-loom", "service-reactive-inline, service-reactive" })
	void shouldCheckHealthOnTheManagementPortsReadinessGroup(String service, String module) {
		ServiceConfiguration configuration = ServiceConfiguration.of(module);
		String test = String.join(" ", Repository.<List<String>>at(service(service), "healthcheck.test"));

		assertThat(configuration.probePaths()).contains("/actuator/health/readiness");
		assertThat(test).contains("/dev/tcp/127.0.0.1/" + configuration.managementPort())
			.contains("GET /actuator/health/readiness ");
	}

	@Test
	void shouldGiveEveryLongRunningServiceAHealthCheck() {
		services().forEach((name, service) -> {
			if (!List.of("load").equals(service.get("profiles"))) {
				assertThat(Repository.<Object>at(service, "healthcheck.test")).as(name).isNotNull();
			}
		});
	}

	@Test
	void shouldStartEveryServiceOnlyAfterWhatItDependsOnIsHealthy() {
		services().forEach((name, service) -> {
			Map<String, Map<String, Object>> dependsOn = Repository.at(service, "depends_on");
			if (dependsOn != null) {
				dependsOn.forEach((dependency, condition) -> {
					assertThat(service(dependency)).as(name + " -> " + dependency).containsKey("healthcheck");
					assertThat(condition).as(name + " -> " + dependency).containsEntry("condition", "service_healthy");
				});
			}
		});
	}

	@Test
	void shouldPointBothServicesAtTheStacksDatabaseRedisAndStub() {
		for (String name : COMPARED.keySet()) {
			Map<String, Object> environment = Repository.at(service(name), "environment");
			assertThat(environment).as(name)
				.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/loomflux")
				.containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://postgres:5432/loomflux")
				.containsEntry("SPRING_FLYWAY_URL", "jdbc:postgresql://postgres:5432/loomflux")
				.containsEntry("SPRING_DATA_REDIS_HOST", "redis")
				.containsEntry("BFF_DOWNSTREAM_URL",
						"http://downstream:" + ServiceConfiguration.of("downstream").port());
		}
	}

	@ParameterizedTest
	@CsvSource({ "downstream, downstream", "service-loom, service-loom", "service-reactive, service-reactive",
			"service-loom-platform, service-loom", "service-reactive-inline, service-reactive" })
	void shouldWaitForSpringsGracefulShutdownBeforeKilling(String service, String module) {
		// the environment wins over application.yaml, which wins over Spring's 30 s
		String configured = Repository.at(service(service), "environment.SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
		String timeout = (configured != null) ? configured : ServiceConfiguration.of(module).shutdownPhaseTimeout();
		Object grace = service(service).get("stop_grace_period");

		assertThat(grace).as("%s stop_grace_period (Docker's default is 10 s)", service).isNotNull();
		assertThat(seconds(grace.toString())).as(service).isGreaterThan(seconds((timeout != null) ? timeout : "30s"));
	}

	@Test
	void shouldLeaveTheComparedServicesRoomBesideTheHeapTheComparisonMeasured() {
		long limit = mebibytes(Repository.at(service("service-loom"), "deploy.resources.limits.memory"));
		long heap = DockerfileTest.maxHeapMebibytes(DockerfileTest.env("JAVA_HEAP"));

		// 770-782 MiB RSS at 2,000 in flight with a 512 MiB heap: about 270 MiB beside
		// it, and more at higher concurrency
		assertThat(limit - heap).as("memory limit %d MiB - heap %d MiB", limit, heap).isGreaterThanOrEqualTo(512);
		String stubHeap = Repository.at(service("downstream"), "environment.JAVA_HEAP");
		assertThat(stubHeap).as("the stub's heap, as the comparison gives it").isEqualTo("-Xms256m -Xmx512m");
	}

	@Test
	void shouldConnectTheServicesAsRolesThatAreNotTheSuperuser() {
		String superuser = Repository.at(service("postgres"), "environment.POSTGRES_USER");
		List<String> volumes = Repository.at(service("postgres"), "volumes");

		assertThat(volumes).contains("./k8s/base/postgres-init-roles.sh:/docker-entrypoint-initdb.d/10-roles.sh:ro");
		assertThat(Repository.path("k8s/base/postgres-init-roles.sh")).exists();
		for (String name : COMPARED.keySet()) {
			Map<String, Object> environment = Repository.at(service(name), "environment");
			assertThat(List.of(environment.get("SPRING_DATASOURCE_USERNAME"), environment.get("SPRING_R2DBC_USERNAME"),
					environment.get("SPRING_FLYWAY_USER")))
				.as(name)
				.doesNotContain(superuser);
		}
	}

	private static long seconds(String duration) {
		assertThat(duration).as("a duration in seconds, like 30s").matches("\\d+s");
		return Long.parseLong(duration.substring(0, duration.length() - 1));
	}

	private static long mebibytes(String quantity) {
		assertThat(quantity).as("a memory size like 1280m or 2g").matches("\\d+[mg]");
		long value = Long.parseLong(quantity.substring(0, quantity.length() - 1));
		return quantity.endsWith("g") ? value * 1024 : value;
	}

	private static List<Integer> containerPorts(Map<String, Object> service) {
		List<String> ports = Repository.at(service, "ports");
		return ports.stream()
			.map((mapping) -> Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)))
			.toList();
	}

	private Map<String, Map<String, Object>> services() {
		return Repository.at(this.compose, "services");
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = services().get(name);
		assertThat(service).as("compose service " + name).isNotNull();
		return service;
	}

}
