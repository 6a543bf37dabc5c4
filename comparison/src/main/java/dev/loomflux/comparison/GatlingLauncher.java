package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.Tokens;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.launcher.JavaProcess;

/**
 * Runs one simulation in a JVM of its own, pinned to the load CPUs, with the gatling
 * module's class path only (none of the harness's libraries): a fresh Gatling per run, so
 * no state leaks from one scenario into the next. Gatling's HTML report lands under
 * {@code gatling/} in the results folder; the client-side figures in the plan's output.
 */
final class GatlingLauncher {

	/**
	 * The load generator's JVM, chosen rather than left to ergonomics (which give a
	 * one-CPU JVM Serial GC silently). Parallel GC: the least collector CPU per request,
	 * with no concurrent threads competing for the load core, and its stop-the-world
	 * young collections stay short, as almost nothing a virtual user allocates survives;
	 * any pause that delays sends shows in each step's send lateness. A fixed,
	 * pre-touched 1 GiB heap: no resizing and no page faults mid-run. Gatling reads
	 * String internals for its log writer: the opens its own launchers pass.
	 */
	private static final List<String> JVM_FLAGS = List.of("-XX:+UseParallelGC", "-Xms1g", "-Xmx1g",
			"-XX:+AlwaysPreTouch", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED");

	private final Settings settings;

	private final Path resultsFolder;

	GatlingLauncher(Settings settings, Path resultsFolder) {
		this.settings = settings;
		this.resultsFolder = resultsFolder;
	}

	/**
	 * @param latency the recorded figures
	 * @param report Gatling's report folder relative to the results folder, if it wrote
	 * one
	 * @param cpuShare the Gatling JVM's CPU time over its wall time (1.0 = one core
	 * busy): when near the load cores' count, the load generator, not the service,
	 * limited the result
	 */
	record Outcome(LatencyFile latency, String report, Double cpuShare) {
	}

	Outcome run(String simulation, Plan plan, String description) throws IOException, InterruptedException {
		Path planFile = Path.of(plan.output()).resolveSibling("plan.json");
		plan.write(planFile);
		Path gatlingFolder = this.resultsFolder.resolve("gatling");
		Files.createDirectories(gatlingFolder);
		List<String> before = reportFolders(gatlingFolder);
		List<String> arguments = new java.util.ArrayList<>(JVM_FLAGS);
		arguments.addAll(List.of("-Dloomflux.plan=" + planFile, "-D" + Tokens.ISSUER + "=" + Settings.issuer()));
		if (Files.exists(tokensFile(this.resultsFolder))) {
			arguments.add("-D" + Tokens.FILE + "=" + tokensFile(this.resultsFolder).toAbsolutePath());
		}
		arguments.addAll(List.of("-cp", classPath(), "io.gatling.app.Gatling", "--simulation",
				"dev.loomflux.gatling.simulations." + simulation, "--results-folder",
				gatlingFolder.toAbsolutePath().toString(), "--run-description", description, "--launcher", "loomflux"));
		long start = System.nanoTime();
		try (JavaProcess gatling = JavaProcess.start("gatling", this.settings.loadCpus(), arguments, Map.of(),
				Path.of(plan.output()).resolveSibling("gatling.log"))) {
			ProcStat last = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(plan.totalSeconds() + 180).toNanos();
			while (gatling.isAlive() && System.nanoTime() < deadline) {
				ProcStat now = ProcStat.of(gatling.pid());
				last = (now != null) ? now : last;
				Thread.sleep(250);
			}
			int exit = gatling.await(Duration.ofSeconds(30));
			double wallSeconds = (System.nanoTime() - start) / 1e9;
			if (exit != 0) {
				throw new IllegalStateException("Gatling exited with " + exit + "; see " + gatling.log());
			}
			Double cpuShare = (last != null) ? last.cpuTicks() / ProcStat.TICKS_PER_SECOND / wallSeconds : null;
			String report = newReport(gatlingFolder, before).map((folder) -> "gatling/" + folder + "/index.html")
				.orElse(null);
			return new Outcome(LatencyFile.read(Path.of(plan.output())), report, cpuShare);
		}
	}

	/**
	 * Where the run keeps the customers' tokens, minted once (ComparisonRun), for every
	 * Gatling JVM; deleted when the run ends.
	 */
	static Path tokensFile(Path resultsFolder) {
		return resultsFolder.resolve("tokens.json");
	}

	/**
	 * The gatling module's classes and libraries: {@code -Dloomflux.gatling.module=DIR}
	 * names the module (scripts/compare.sh and the tests set it), whose build writes its
	 * libraries to {@code target/classpath.txt}.
	 */
	static String classPath() throws IOException {
		String module = System.getProperty("loomflux.gatling.module");
		if (module == null) {
			throw new IllegalStateException("run with -Dloomflux.gatling.module=DIR (the gatling module, built)");
		}
		Path target = Path.of(module, "target");
		return target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
				+ Files.readString(target.resolve("classpath.txt")).strip();
	}

	private static Optional<String> newReport(Path folder, List<String> before) throws IOException {
		return reportFolders(folder).stream().filter((name) -> !before.contains(name)).max(Comparator.naturalOrder());
	}

	private static List<String> reportFolders(Path folder) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isDirectory).map((path) -> path.getFileName().toString()).toList();
		}
	}

}
