package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.loomflux.gatling.LoadServer;
import dev.loomflux.gatling.MergeLatency;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.Tokens;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.gatling.recording.LatencyFiles;

/**
 * Load for a deployed stack: one of {@code count} load generators (the load-test Job's
 * pods, the compose load profile's container) that drive the same targets at the same
 * time, each with its {@link Plan#share share} of a profile's planned steps, timed from
 * the intended send times as in the comparison. They meet at a barrier in the shared
 * results folder before each run, so that their steps line up; load generator 0 then
 * merges their {@code latency.json} files into one, losslessly (the histograms add up:
 * {@link LatencyFiles#merge}).
 *
 * <p>
 * A plain load test, not the comparison: no steady-state warm-up (a fixed lead-in at the
 * first step's rate instead), no knee search, no server-side figures; for those, run
 * {@code ./loomflux compare} on a machine of your own. Configured by environment:
 * <ul>
 * <li>{@code LOOMFLUX_TARGETS}: {@code name=URL,...}, e.g.
 * {@code loom=http://service-loom:8081,reactive=http://service-reactive:8082}</li>
 * <li>{@code LOOMFLUX_SCENARIOS}: open- or closed-model scenarios of the profile (default
 * {@code catalog-read})</li>
 * <li>{@code LOOMFLUX_PROFILE}: whose steps (default {@code quick})</li>
 * <li>{@code LOOMFLUX_LEAD_IN_SECONDS}: the unreported lead-in (default 30)</li>
 * <li>{@code LOOMFLUX_RESULTS}: the results folder all load generators share (default
 * {@code /results}); {@code LOOMFLUX_RUN}: the run's folder in it (default {@code load}),
 * a new one for every run of several load generators: the barrier counts the arrivals in
 * it (the Job names it after its own uid)</li>
 * <li>{@code LOOMFLUX_LOAD_COUNT}, {@code LOOMFLUX_LOAD_INDEX}: how many load generators
 * and which this is (default 1 and {@code JOB_COMPLETION_INDEX}, else 0)</li>
 * <li>{@code LOOMFLUX_ISSUER}: the downstream stub's TEST issuer, whose tokens the
 * signed-in requests carry (home pages, carts, orders)</li>
 * </ul>
 */
public final class LoadJob {

	/** How long a load generator waits for the others at a barrier. */
	static final Duration BARRIER_TIMEOUT = Duration.ofMinutes(5);

	/** Between the last arrival at a barrier and the common start. */
	private static final long START_MARGIN_MILLIS = 2000;

	private final Map<String, String> targets;

	private final List<String> scenarios;

	private final Profile profile;

	private final int leadInSeconds;

	private final Path run;

	private final int index;

	private final int count;

	LoadJob(Map<String, String> targets, List<String> scenarios, Profile profile, int leadInSeconds, Path run,
			int index, int count) {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("load generator " + index + " of " + count);
		}
		this.targets = targets;
		this.scenarios = scenarios;
		this.profile = profile;
		this.leadInSeconds = leadInSeconds;
		this.run = run;
		this.index = index;
		this.count = count;
	}

	static LoadJob fromEnvironment(Map<String, String> environment) throws IOException {
		String targets = environment.get("LOOMFLUX_TARGETS");
		if (targets == null || targets.isBlank()) {
			throw new IllegalArgumentException("LOOMFLUX_TARGETS is not set: name=URL,... of the services to load");
		}
		Profile profile = Profile.load(environment.getOrDefault("LOOMFLUX_PROFILE", "quick"));
		List<String> scenarios = Arrays
			.asList(environment.getOrDefault("LOOMFLUX_SCENARIOS", "catalog-read").split(","));
		for (String scenario : scenarios) {
			if (!profile.scenarios().containsKey(scenario)) {
				throw new IllegalArgumentException(
						"no scenario " + scenario + "; known: " + String.join(", ", profile.scenarios().keySet()));
			}
		}
		String index = environment.getOrDefault("LOOMFLUX_LOAD_INDEX",
				environment.getOrDefault("JOB_COMPLETION_INDEX", "0"));
		return new LoadJob(CompareCommand.targets(targets), scenarios, profile,
				Integer.parseInt(environment.getOrDefault("LOOMFLUX_LEAD_IN_SECONDS", "30")),
				Path.of(environment.getOrDefault("LOOMFLUX_RESULTS", "/results"),
						environment.getOrDefault("LOOMFLUX_RUN", "load")),
				Integer.parseInt(index), Integer.parseInt(environment.getOrDefault("LOOMFLUX_LOAD_COUNT", "1")));
	}

	public static void main(String[] args) throws Exception {
		String issuer = System.getenv("LOOMFLUX_ISSUER");
		if (issuer != null) {
			System.setProperty(Tokens.ISSUER, issuer);
			Tokens.load(issuer, Warmup.CUSTOMERS);
		}
		System.exit(fromEnvironment(System.getenv()).run());
	}

	/** Every scenario against every target; 1 when a Gatling run failed. */
	int run() throws IOException, InterruptedException {
		int exit = 0;
		for (Map.Entry<String, String> target : this.targets.entrySet()) {
			for (String scenario : this.scenarios) {
				exit = Math.max(exit, run(target.getKey(), target.getValue(), scenario));
			}
		}
		return exit;
	}

	private int run(String name, String baseUrl, String scenario) throws IOException, InterruptedException {
		Profile.Scenario plan = this.profile.scenarios().get(scenario);
		Path folder = Files.createDirectories(this.run.resolve(name + "-" + scenario));
		Plan mine = new Plan(scenario, baseUrl, plan.injection(),
				ComparisonRun.withLoadGeneratorWarmup(plan, this.leadInSeconds), plan.parameters(), null)
			.share(this.index, this.count, latencyFile(folder, this.index).toAbsolutePath().toString());
		Path planFile = folder.resolve("plan-" + this.index + ".json");
		mine.write(planFile);
		long start = awaitStart(folder);
		Files.writeString(folder.resolve("start-" + this.index), Long.toString(start));
		System.out.printf("%s · %s: load generator %d of %d starts (the barrier's instant %d)%n", name, scenario,
				this.index + 1, this.count, start);
		int exit = LoadServer.run(new LoadServer.Run("dev.loomflux.gatling.simulations." + plan.simulation(),
				planFile.toAbsolutePath().toString(),
				folder.resolve("gatling-" + this.index).toAbsolutePath().toString(), true,
				name + " " + scenario + " (load generator " + this.index + ")",
				folder.resolve("exit-" + this.index).toAbsolutePath().toString()));
		Files.writeString(folder.resolve("exit-" + this.index), Integer.toString(exit));
		if (this.index == 0) {
			merge(folder, mine.totalSeconds());
		}
		return (exit == 0) ? 0 : 1;
	}

	/**
	 * The barrier: writes when this load generator arrived, waits until all have, then
	 * until {@link #START_MARGIN_MILLIS} after the last arrival, a moment every one of
	 * them computes alike (written to {@code start-<index>}). Each then starts its
	 * Gatling run, whose own set-up takes a moment that differs between machines and
	 * processes: the steps line up within that (2.8 s apart once, two processes on one
	 * loaded 2-core VM; each {@code latency-<i>.json} keeps its {@code startedAtMillis}).
	 * @return the common start, in epoch milliseconds
	 */
	private long awaitStart(Path folder) throws IOException, InterruptedException {
		Path arrival = folder.resolve("ready-" + this.index);
		Path partial = folder.resolve("ready-" + this.index + ".partial");
		Files.writeString(partial, Long.toString(System.currentTimeMillis()));
		Files.move(partial, arrival, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		long deadline = System.nanoTime() + BARRIER_TIMEOUT.toNanos();
		List<Long> arrivals = arrivals(folder);
		while (arrivals.size() < this.count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(arrivals.size() + " of " + this.count + " load generators arrived in "
						+ folder + " within " + BARRIER_TIMEOUT);
			}
			Thread.sleep(200);
			arrivals = arrivals(folder);
		}
		long start = arrivals.stream().mapToLong(Long::longValue).max().orElseThrow() + START_MARGIN_MILLIS;
		Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
		return start;
	}

	private List<Long> arrivals(Path folder) throws IOException {
		List<Long> arrivals = new ArrayList<>();
		for (int other = 0; other < this.count; other++) {
			Path file = folder.resolve("ready-" + other);
			if (Files.exists(file)) {
				arrivals.add(Long.parseLong(Files.readString(file).strip()));
			}
		}
		return arrivals;
	}

	/**
	 * Waits for every load generator's file (their runs end together, give or take the
	 * barrier's skew), then writes the merged {@code latency.json} beside them.
	 */
	private void merge(Path folder, int planSeconds) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(planSeconds).plus(BARRIER_TIMEOUT).toNanos();
		List<Path> files = new ArrayList<>();
		for (int other = 0; other < this.count; other++) {
			Path exit = folder.resolve("exit-" + other);
			while (!Files.exists(exit) && System.nanoTime() < deadline) {
				Thread.sleep(500);
			}
			if (Files.exists(latencyFile(folder, other))) {
				files.add(latencyFile(folder, other));
			}
		}
		if (files.size() < this.count) {
			System.out.printf("only %d of %d load generators wrote their figures in %s: not merged%n", files.size(),
					this.count, folder);
			return;
		}
		MergeLatency.main(
				Stream.concat(Stream.of(folder.resolve("latency.json").toString()), files.stream().map(Path::toString))
					.toArray(String[]::new));
	}

	static Path latencyFile(Path folder, int index) {
		return folder.resolve("latency-" + index + ".json");
	}

	/** For the tests: the merged file of one target's scenario, if written. */
	static Optional<LatencyFile> merged(Path run, String target, String scenario) throws IOException {
		Path file = run.resolve(target + "-" + scenario).resolve("latency.json");
		return Files.exists(file) ? Optional.of(LatencyFile.read(file)) : Optional.empty();
	}

}
