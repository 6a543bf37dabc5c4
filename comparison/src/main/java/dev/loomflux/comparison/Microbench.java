package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.Microbenchmarks;
import dev.loomflux.comparison.results.ResultsJson;
import dev.loomflux.launcher.JavaProcess;

/**
 * Runs the {@code microbench} module's jar (JMH hand-offs, parked-task footprints) before
 * any service starts, so nothing else competes for the CPUs, and reads its JSON.
 */
final class Microbench {

	private final Path folder;

	private final String profile;

	private final boolean skip;

	Microbench(Path folder, String profile, boolean skip) {
		this.folder = folder;
		this.profile = profile;
		this.skip = skip;
	}

	Microbenchmarks run(Progress progress) {
		if (this.skip) {
			return new Microbenchmarks(List.of(), List.of(), null, "skipped (--skip-microbench)");
		}
		Path output = this.folder.resolve("microbench.json").toAbsolutePath();
		try {
			Path jar = Path.of("microbench", "target", "microbench.jar");
			if (!Files.exists(jar)) {
				return new Microbenchmarks(List.of(), List.of(), null, "not built: " + jar + " is missing");
			}
			progress.say("microbenchmarks (hand-off cost, parked-task size), profile %s", this.profile);
			try (JavaProcess bench = JavaProcess.start("microbench", null,
					List.of("-jar", jar.toString(), "--out", output.toString(), "--profile", this.profile), Map.of(),
					this.folder.resolve("logs").resolve("microbench.log"))) {
				int exit = bench.await(Duration.ofMinutes(30));
				if (!Files.exists(output)) {
					return new Microbenchmarks(List.of(), List.of(), null,
							"the microbenchmarks exited with " + exit + " and wrote nothing; see logs/microbench.log");
				}
			}
			return ResultsJson.mapper().readValue(output.toFile(), Microbenchmarks.class);
		}
		catch (Exception ex) {
			return new Microbenchmarks(List.of(), List.of(), null, "failed: " + ex.getMessage());
		}
	}

}
