package dev.loomflux.comparison;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.gatling.LoadServer;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.Tokens;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.launcher.JavaProcess;

/**
 * The load generator: one Gatling JVM ({@link LoadServer}) kept for the whole comparison
 * run, pinned to the load CPUs, with the gatling module's class path only (none of the
 * harness's libraries), warmed up once ({@link #warmUp}) and then given one simulation
 * after the other. Its Gatling reports land under {@code gatling/} in the results folder,
 * its output in {@code logs/load-generator.log}, the client-side figures in each plan's
 * output. Should it die or hang, the next run starts a new one, warmed up as the first
 * was, with a log of its own ({@code load-generator-2.log}, ...).
 */
final class LoadGenerator implements AutoCloseable {

	/**
	 * The load generator's JVM, chosen rather than left to ergonomics (which give a
	 * one-CPU JVM Serial GC silently). Parallel GC: the least collector CPU per request,
	 * with no concurrent threads competing for the load core, and its stop-the-world
	 * young collections stay short, as almost nothing a virtual user allocates survives;
	 * any pause that delays sends shows in each step's send lateness (and the server
	 * collects fully between runs, so no run inherits another's garbage). A fixed,
	 * pre-touched 1 GiB heap: no resizing and no page faults mid-run. Gatling reads
	 * String internals for its log writer: the opens its own launchers pass.
	 */
	static final List<String> JVM_FLAGS = List.of("-XX:+UseParallelGC", "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch",
			"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED");

	/**
	 * The load generator's own warm-up: rounds of this many seconds against the stub, at
	 * this rate, until its JIT is quiet ({@link Warmup#MAX_JIT_SHARE}). The first rounds
	 * ask a quarter and a half of it: the stub is as cold as the load generator, and at
	 * the full rate from the start it fell 4,000 requests behind in the first round.
	 */
	private static final int WARMUP_ROUND_SECONDS = 5;

	private static final double WARMUP_RATE = 2000;

	/** Longer than any run's own steps take: start, report and shutdown of its engine. */
	private static final Duration RUN_OVERHEAD = Duration.ofSeconds(180);

	private final Settings settings;

	private final Path resultsFolder;

	private JavaProcess server;

	private OutputStream requests;

	/** Load-generator JVMs started so far: each gets a log of its own. */
	private int started;

	/** Whether the JVM now running has had its warm-up: a replacement has not. */
	private boolean warm;

	/** The stub it warmed up against, to warm a replacement up the same way. */
	private String warmupTarget;

	private int warmupMaxSeconds;

	LoadGenerator(Settings settings, Path resultsFolder) {
		this.settings = settings;
		this.resultsFolder = resultsFolder;
	}

	/**
	 * @param latency the recorded figures
	 * @param report Gatling's report folder relative to the results folder, if it wrote
	 * one
	 * @param cpuShare the load generator's CPU time during the run over the run's wall
	 * time (1.0 = one core busy): when near the load cores' count, the load generator,
	 * not the service, limited the result
	 */
	record Outcome(LatencyFile latency, String report, Double cpuShare) {
	}

	/**
	 * Runs {@code simulation} (a class of the gatling module's {@code simulations}
	 * package) on {@code plan}, whose output folder also gets the plan file and the run's
	 * exit code.
	 */
	Outcome run(String simulation, Plan plan, String description) throws IOException, InterruptedException {
		running();
		if (!this.warm && this.warmupTarget != null) {
			// a replacement is as cold as the first was
			warmUp(this.warmupTarget, this.warmupMaxSeconds);
		}
		return run(simulation, plan, description, true);
	}

	private Outcome run(String simulation, Plan plan, String description, boolean reports)
			throws IOException, InterruptedException {
		Path planFile = Path.of(plan.output()).resolveSibling("plan.json");
		plan.write(planFile);
		Path exitFile = planFile.resolveSibling("gatling-exit");
		Files.deleteIfExists(exitFile);
		Path gatlingFolder = this.resultsFolder.resolve("gatling");
		Files.createDirectories(gatlingFolder);
		List<String> before = reportFolders(gatlingFolder);
		LoadServer.Run run = new LoadServer.Run("dev.loomflux.gatling.simulations." + simulation,
				planFile.toAbsolutePath().toString(), gatlingFolder.toAbsolutePath().toString(), reports, description,
				exitFile.toAbsolutePath().toString());
		JavaProcess gatling = running();
		ProcStat first = ProcStat.of(gatling.pid());
		long start = System.nanoTime();
		this.requests.write((run.line() + "\n").getBytes(StandardCharsets.UTF_8));
		this.requests.flush();
		long deadline = start + Duration.ofSeconds(plan.totalSeconds()).plus(RUN_OVERHEAD).toNanos();
		while (!Files.exists(exitFile)) {
			if (!gatling.isAlive()) {
				throw new IllegalStateException(
						"the load generator exited during " + description + "; see " + gatling.log().toAbsolutePath());
			}
			if (System.nanoTime() > deadline) {
				close();
				throw new IllegalStateException("the load generator did not finish " + description + " in time; see "
						+ gatling.log().toAbsolutePath());
			}
			Thread.sleep(100);
		}
		// the server lives on after the run: its CPU is read once, now
		ProcStat last = ProcStat.of(gatling.pid());
		double wallSeconds = (System.nanoTime() - start) / 1e9;
		int exit = Integer.parseInt(Files.readString(exitFile).strip());
		if (exit != 0) {
			throw new IllegalStateException(
					"Gatling exited with " + exit + " in " + description + "; see " + gatling.log().toAbsolutePath());
		}
		Double cpuShare = (first != null && last != null)
				? (last.cpuTicks() - first.cpuTicks()) / ProcStat.TICKS_PER_SECOND / wallSeconds : null;
		String report = newReport(gatlingFolder, before).map((folder) -> "gatling/" + folder + "/index.html")
			.orElse(null);
		return new Outcome(LatencyFile.read(Path.of(plan.output())), report, cpuShare);
	}

	/**
	 * How the load generator's warm-up went.
	 *
	 * @param jitShares per round, the CPU its JIT compiler threads used over the round's
	 * wall time
	 * @param steady whether the last round's was under {@link Warmup#MAX_JIT_SHARE}
	 */
	record WarmupOutcome(List<Double> jitShares, boolean steady) {

		/** For the run's notes. */
		String describe() {
			return String.format(java.util.Locale.ROOT,
					"load generator warm-up: %s after %d round(s) of %d s at up to %.0f req/s against the stub "
							+ "(its JIT threads' CPU share, round by round: %s)",
					this.steady ? "JIT quiet" : "JIT still compiling", this.jitShares.size(), WARMUP_ROUND_SECONDS,
					WARMUP_RATE,
					this.jitShares.stream()
						.map((share) -> String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share))
						.toList());
		}

	}

	/**
	 * Compiles the load generator before anything is measured: Gatling's engine, its HTTP
	 * client and the recorder, at a constant rate of cheap requests to the stub
	 * ({@code stubUrl}), in rounds until its JIT compiler threads are quiet, at least one
	 * and about {@code maxSeconds} of them at most. Each measured step's load-generator
	 * check then shows whether it stayed fit.
	 */
	WarmupOutcome warmUp(String stubUrl, int maxSeconds) throws IOException, InterruptedException {
		this.warmupTarget = stubUrl;
		this.warmupMaxSeconds = maxSeconds;
		Path folder = Files.createDirectories(this.resultsFolder.resolve("runs")
			.resolve("load-generator-warmup" + ((this.started > 1) ? "-" + this.started : "")));
		List<Double> jitShares = new ArrayList<>();
		int maxRounds = Math.max(1, maxSeconds / WARMUP_ROUND_SECONDS);
		for (int round = 1; round <= maxRounds; round++) {
			double rate = WARMUP_RATE / Math.max(1, 4 >> (round - 1));
			Plan plan = new Plan("load-generator-warm-up", stubUrl, null,
					List.of(new Plan.Step(String.format(java.util.Locale.ROOT, "%.0f req/s", rate), rate, null, null,
							WARMUP_ROUND_SECONDS)),
					Map.of(), folder.resolve("latency-" + round + ".json").toAbsolutePath().toString());
			long pid = running().pid();
			Long before = ProcStat.jitTicksOf(pid);
			long start = System.nanoTime();
			run("LoadGeneratorWarmupSimulation", plan, "load generator warm-up, round " + round, false);
			Double share = Warmup.jitShare(before, ProcStat.jitTicksOf(pid), start);
			// unreadable counts as still compiling
			jitShares.add((share != null) ? share : 1.0);
			if (jitShares.getLast() < Warmup.MAX_JIT_SHARE) {
				this.warm = true;
				return new WarmupOutcome(jitShares, true);
			}
			// as for the services: with the stub beside it, its core is full in a round
			Warmup.letTheCompilerCatchUp(() -> ProcStat.jitTicksOf(pid), Long.MAX_VALUE);
		}
		this.warm = true;
		return new WarmupOutcome(jitShares, false);
	}

	/** The load generator's process id, starting it if it is not running. */
	long pid() throws IOException {
		return running().pid();
	}

	private JavaProcess running() throws IOException {
		if (this.server == null || !this.server.isAlive()) {
			if (this.server != null) {
				this.server.close();
			}
			List<String> arguments = new ArrayList<>(JVM_FLAGS);
			arguments.add("-D" + Tokens.ISSUER + "=" + Settings.issuer());
			if (Files.exists(tokensFile(this.resultsFolder))) {
				arguments.add("-D" + Tokens.FILE + "=" + tokensFile(this.resultsFolder).toAbsolutePath());
			}
			arguments.addAll(List.of("-cp", classPath(), LoadServer.class.getName()));
			this.started++;
			this.warm = false;
			this.server = JavaProcess.start("load generator", this.settings.loadCpus(), arguments, Map.of(),
					this.resultsFolder.resolve("logs")
						.resolve("load-generator" + ((this.started > 1) ? "-" + this.started : "") + ".log"));
			this.requests = this.server.input();
		}
		return this.server;
	}

	/** Ends its input, so it stops after the run in progress; then stops it for sure. */
	@Override
	public void close() {
		if (this.server != null) {
			try {
				this.requests.close();
			}
			catch (IOException alreadyGone) {
				// it has exited already
			}
			this.server.close();
			this.server = null;
		}
	}

	/**
	 * Where the run keeps the customers' tokens, minted once (ComparisonRun), for the
	 * load generator; deleted when the run ends.
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
