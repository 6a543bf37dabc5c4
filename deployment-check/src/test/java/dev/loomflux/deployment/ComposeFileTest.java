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
