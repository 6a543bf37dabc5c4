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
		return train(extract(launch, folder));
	}

	/**
	 * Extracts {@code launch}'s jar into {@code folder} (the layout the image runs: the
	 * application's jar and its dependencies as plain jars in {@code lib/}) and returns
	 * the launch that runs the extracted jar, without a cache.
	 */
	public static ServiceProcess.Launch extract(ServiceProcess.Launch launch, Path folder)
			throws IOException, InterruptedException {
		Path extracted = folder.toAbsolutePath();
		Files.createDirectories(extracted);
		try (JavaProcess extract = JavaProcess
			.start(launch.name() + " (extract)", launch.cpus(),
					List.of("-Djarmode=tools", "-jar", launch.jar().toAbsolutePath().toString(), "extract",
							"--destination", extracted.toString(), "--force"),
					Map.of(), extracted.resolve("extract.log"))) {
			require(extract.await(Duration.ofMinutes(2)) == 0, "extracting " + launch.jar(), extract.log());
		}
		return launch.withFlags(List.of(), extracted.resolve(launch.jar().getFileName()));
	}

	/**
	 * Trains {@code app.aot} beside an extracted jar (from {@link #extract}) and returns
	 * the launch that runs it with the cache. The cache records the class path as given,
	 * so it serves only that jar in that folder.
	 */
	public static ServiceProcess.Launch train(ServiceProcess.Launch extracted)
			throws IOException, InterruptedException {
		Path folder = extracted.jar().getParent();
		Path log = folder.resolve("training.log");
		Path cache = folder.resolve("app.aot");
		List<String> training = new ArrayList<>(ServiceProcess.JVM_FLAGS);
		training.addAll(extracted.flags());
		training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh",
				"-Dspring.flyway.enabled=false", "-jar", extracted.jar().toString()));
		Map<String, String> environment = new LinkedHashMap<>(extracted.environment());
		environment.put("SERVER_PORT", Integer.toString(FreePort.next()));
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(FreePort.next()));
		try (JavaProcess train = JavaProcess.start(extracted.name() + " (AOT training)", extracted.cpus(), training,
				environment, log)) {
			require(train.await(Duration.ofMinutes(5)) == 0 && Files.exists(cache), "training " + cache, log);
		}
		return extracted.withFlags(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache), extracted.jar());
	}

	private static void require(boolean condition, String what, Path log) {
		if (!condition) {
			throw new IllegalStateException(what + " failed; see " + log);
		}
	}

}
