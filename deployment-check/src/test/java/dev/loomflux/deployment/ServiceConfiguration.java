package dev.loomflux.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a service really exposes, read from its own application.yaml (the profile-less
 * first document) and shared-domain's loomflux-common.yaml, never restated in these
 * tests.
 */
record ServiceConfiguration(String name, int port, int managementPort, boolean probesEnabled, boolean additionalPaths,
		String shutdownPhaseTimeout) {

	static final List<String> COMPARED = List.of("service-loom", "service-reactive");

	static final List<String> ALL = List.of("service-loom", "service-reactive", "downstream");

	static ServiceConfiguration of(String module) {
		Map<String, Object> own = Repository.yaml(Repository.path(module + "/src/main/resources/application.yaml"));
		Map<String, Object> common = imports(own)
				? Repository.yaml(Repository.path("shared-domain/src/main/resources/loomflux-common.yaml")) : Map.of();
		return new ServiceConfiguration(module, number(own, "server.port"), number(own, "management.server.port"),
				Boolean.TRUE.equals(either(own, common, "management.endpoint.health.probes.enabled")),
				Boolean.TRUE.equals(either(own, common, "management.endpoint.health.probes.add-additional-paths")),
				either(own, common, "spring.lifecycle.timeout-per-shutdown-phase"));
	}

	/**
	 * The paths Spring Boot serves for the liveness and readiness groups when probes are
	 * enabled.
	 */
	List<String> probePaths() {
		return this.probesEnabled ? List.of("/actuator/health/liveness", "/actuator/health/readiness") : List.of();
	}

	private static boolean imports(Map<String, Object> own) {
		Object imports = Repository.at(own, "spring.config.import");
		return imports != null && imports.toString().contains("loomflux-common.yaml");
	}

	private static int number(Map<String, Object> yaml, String key) {
		Object value = Repository.at(yaml, key);
		if (value == null) {
			throw new IllegalStateException(key + " is not set in the service's application.yaml");
		}
		return Integer.parseInt(value.toString());
	}

	@SuppressWarnings("unchecked")
	private static <T> T either(Map<String, Object> own, Map<String, Object> common, String key) {
		Object value = Repository.at(own, key);
		return (T) ((value != null) ? value : Repository.at(common, key));
	}

	static Path applicationYaml(String module) {
		return Repository.path(module + "/src/main/resources/application.yaml");
	}

}
