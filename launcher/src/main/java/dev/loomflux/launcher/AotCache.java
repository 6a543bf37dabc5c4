package dev.loomflux.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK's AOT cache (JEP 483/514) for a service, made as the Dockerfile makes it: the
 * jar extracted ({@code -Djarmode=tools extract}), one training start that stops once the
 * context is refreshed, then every start maps the cached classes instead of loading them
 * again. What it buys (start-up, idle memory) is measured by {@code ./loomflux compare
 * --aot-cache}.
 */
public final class AotCache {

	private AotCache() {
	}

	/**
	 * Extracts {@code launch}'s jar into {@code folder}, trains {@code app.aot} there
	 * with the launch's own flags and environment, and returns the launch that runs the
	 * extracted jar with the cache. {@code -XX:AOTMode=on}: a cache that cannot be used
	 * is an error, not a silent start without it.
	 */
	public static ServiceProcess.Launch prepare(ServiceProcess.Launch launch, Path folder)
			throws IOException, InterruptedException {
		Path extracted = folder.toAbsolutePath();
		Files.createDirectories(extracted);
		Path log = extracted.resolve("training.log");
		try (JavaProcess extract = JavaProcess
			.start(launch.name() + " (extract)", launch.cpus(),
					List.of("-Djarmode=tools", "-jar", launch.jar().toAbsolutePath().toString(), "extract",
							"--destination", extracted.toString(), "--force"),
					Map.of(), extracted.resolve("extract.log"))) {
			require(extract.await(Duration.ofMinutes(2)) == 0, "extracting " + launch.jar(), extract.log());
		}
		Path jar = extracted.resolve(launch.jar().getFileName());
		Path cache = extracted.resolve("app.aot");
		List<String> training = new ArrayList<>(ServiceProcess.JVM_FLAGS);
		training.addAll(launch.flags());
		training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh",
				"-Dspring.flyway.enabled=false", "-jar", jar.toString()));
		Map<String, String> environment = new LinkedHashMap<>(launch.environment());
		environment.put("SERVER_PORT", Integer.toString(FreePort.next()));
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(FreePort.next()));
		try (JavaProcess train = JavaProcess.start(launch.name() + " (AOT training)", launch.cpus(), training,
				environment, log)) {
			require(train.await(Duration.ofMinutes(5)) == 0 && Files.exists(cache), "training " + cache, log);
		}
		return launch.withFlags(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache), jar);
	}

	private static void require(boolean condition, String what, Path log) {
		if (!condition) {
			throw new IllegalStateException(what + " failed; see " + log);
		}
	}

}
