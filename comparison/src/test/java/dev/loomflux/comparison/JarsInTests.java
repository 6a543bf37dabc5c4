package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.launcher.Jars;
import dev.loomflux.launcher.ServiceProcess;
import dev.loomflux.launcher.Variant;

/**
 * The stub and the variants as this module's tests start them: from the jars the build
 * made (the repository's root is this module's parent), through the one launcher, logs in
 * the test's folder.
 */
final class JarsInTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private JarsInTests() {
	}

	static ServiceProcess startStub(Path folder) throws IOException, InterruptedException {
		return ServiceProcess.start(new ServiceProcess.Launch("downstream", Jars.of(ROOT, "downstream"), List.of(),
				null, Map.of("LOGGING_LEVEL_ROOT", "WARN"), folder.resolve("downstream.log")));
	}

	/** What a service needs of {@code settings} and of the stub it calls. */
	static Map<String, String> environment(Settings settings, ServiceProcess stub) {
		Map<String, String> environment = new LinkedHashMap<>(settings.serviceEnvironment());
		environment.put("BFF_DOWNSTREAM_URL", stub.baseUrl());
		environment.put("BFF_SECURITY_JWKSURI", stub.baseUrl() + "/test-issuer/jwks");
		return environment;
	}

	static ServiceProcess start(Variant variant, Map<String, String> environment, Path folder)
			throws IOException, InterruptedException {
		return ServiceProcess.start(ServiceProcess.Launch.of(variant, Jars.of(ROOT, variant.module()), null,
				environment, folder.resolve(variant.name() + ".log")));
	}

}
