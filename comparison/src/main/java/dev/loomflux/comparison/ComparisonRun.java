package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.loomflux.comparison.figures.Efficiency;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.metrics.BaseMemory;
import dev.loomflux.comparison.metrics.InterferenceMeter;
import dev.loomflux.comparison.metrics.MachineSample;
import dev.loomflux.comparison.metrics.MetricsScraper;
import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.comparison.metrics.Scrape;
import dev.loomflux.comparison.metrics.Windows;
import dev.loomflux.comparison.results.CodeMetrics;
import dev.loomflux.comparison.results.Footprint;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.calibration.KernelPath;
import dev.loomflux.comparison.results.Calibration;
import dev.loomflux.comparison.results.Microbenchmarks;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.LoadGeneratorCheck;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Database;
import dev.loomflux.comparison.scenario.RunCheck;
import dev.loomflux.comparison.scenario.Scenario;
import dev.loomflux.comparison.scenario.Scenarios;
import dev.loomflux.comparison.scenario.WarmupRequest;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.Tokens;
import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.launcher.Taskset;
import dev.loomflux.launcher.Variant;

/**
 * The comparison: the stub once, the databases pinned away from the service's core where
 * there are cores for it, then each variant in turn (fresh database and Redis index,
 * start, warm-up until steady, every scenario after a warm-up of its own, with
 * server-side scrapes and the machine's interference per step), then the outputs. Repeats
 * run the whole variant sequence again, in alternating order (A B C D, then D C B A:
 * ABBA), so neither drift on a noisy machine nor a variant's place in the sequence
 * favours one variant.
 */
final class ComparisonRun {

	static final String LOAD_GENERATOR_WARMUP = "load generator warm-up";

	/**
	 * A run's figures: how often the knee search warmed the service up again after a step
	 * in which its JIT recompiled, and the rounds that took.
	 */
	static final String WARMUPS_AFTER_COMPILING = "warmupsAfterCompiling";

	static final String WARMUP_ROUNDS_AFTER_COMPILING = "warmupRoundsAfterCompiling";

	/**
	 * Each Gatling run opens its connections to the service and starts a new engine in
	 * the warm load-generator JVM; this lead-in at the first step's rate, not reported,
	 * keeps that out of the first measured step (the baseline of cpu-neighbour and
	 * concurrency-sweep). Each step's load-generator check shows whether it sufficed.
	 */
	private static final int LOAD_GENERATOR_WARMUP_SECONDS = 2;

	/** Below this share of its cores the service counts as idle between two runs. */
	private static final double QUIET_CPU_SHARE = 0.15;

	private static final Duration QUIET_LIMIT = Duration.ofSeconds(30);

	private static final String BASE_MEMORY_NOT_MEASURED = "base memory (C11) not measured for at least one variant: "
			+ "it needs the service's process on this machine (jcmd GC.run and GC.heap_info, /proc/PID/smaps)";

	/**
	 * During the first warm-up both downstream calls take 20 ms: answered at once, a home
	 * page never runs the code of a waiting call, which the JIT then compiles in the
	 * middle of home-fanout.
	 */
	private static final Map<String, Map<String, Object>> WARMUP_DOWNSTREAM = Map.of("recommendations",
			Map.of("latency", "PT0.02S"), "promotions", Map.of("latency", "PT0.02S"));

	private final String profileName;

	private final Profile profile;

	private final Settings settings;

	private final List<Variant> variants;

	private final List<String> scenarios;

	private final Path folder;

	private final Microbench microbench;

	private final List<String> notes = new ArrayList<>();

	private final List<Footprint> footprints = new ArrayList<>();

	private final List<ScenarioRun> runs = new ArrayList<>();

	private final Map<String, Manifest.ModelThreads> threads = new TreeMap<>();

	/**
	 * PostgreSQL and Redis, pinned away from the service's core for the run if they can
	 * be.
	 */
	private DatabasePinning databases;

	/** One load-generator JVM for the whole run, warmed up once. */
	private LoadGenerator load;

	/** Services someone else started; null when the run starts its own. */
	private final Targets targets;

	/** The simulations the load generator has run so far. */
	private final java.util.Set<String> simulationsRun = new java.util.HashSet<>();

	ComparisonRun(String profileName, Profile profile, Settings settings, List<Variant> variants,
			List<String> scenarios, Path folder, Microbench microbench, Targets targets) {
		this.targets = targets;
		this.profileName = profileName;
		this.profile = profile;
		this.settings = settings;
		this.variants = variants;
		this.scenarios = scenarios;
		this.folder = folder;
		this.microbench = microbench;
	}

	Results run() throws Exception {
		Instant startedAt = Instant.now();
		ManifestFactory.Source source = ManifestFactory.Source.now();
		Path logs = Files.createDirectories(this.folder.resolve("logs"));
		List<Variant> measured = this.variants.stream().filter((variant) -> !scenariosOf(variant).isEmpty()).toList();
		int loadSeconds = measured.stream()
			.flatMap((variant) -> scenariosOf(variant).stream())
			.mapToInt((name) -> this.profile.scenarios().get(name).seconds())
			.sum();
		int scenarioRuns = measured.stream().mapToInt((variant) -> scenariosOf(variant).size()).sum();
		Progress progress = new Progress((double) loadSeconds * this.profile.repeats(),
				scenarioRuns * this.profile.repeats(), measured.size() * this.profile.repeats());
		if (this.targets != null) {
			this.notes.addAll(this.targets.notes());
		}
		else {
			if (Machine.onlineCores() < 2 || !Taskset.available()) {
				this.notes.add("not pinned: the service and the load share CPUs (needs taskset and 2 cores)");
			}
			this.notes.add(CompilerAside.possible(this.settings.serviceCpus(), this.settings.loadCpus())
					? "warm-ups: each service's JIT compiler threads ran on the load CPU(s) " + this.settings.loadCpus()
							+ ", and on the service's own for every measured step"
					: "warm-ups: the JIT compiler threads stayed on the service's CPU(s) (the load has none of its own)");
			if (this.settings.aotCache()) {
				this.notes.add("--aot-cache: every service ran from its extracted jar with a trained JDK AOT cache "
						+ "(-XX:AOTCache), as the image runs it");
			}
		}
		Calibration calibration = calibrate(logs, progress);
		Calibration calibrationAtEnd = null;
		Microbenchmarks microbenchmarks = this.microbench.run(progress);
		List<CodeMetrics> codeMetrics = CodeMetricsSource.count(progress, this.notes);
		this.databases = (this.targets != null)
				? DatabasePinning.unpinned("the targets' own, wherever they run: not seen from here")
				: DatabasePinning.pinAway(this.settings, Machine.onlineCores());
		progress.say("databases: %s", this.databases.rules().databases());
		try (DownstreamStub stub = (this.targets != null) ? DownstreamStub.remote(this.targets.stub())
				: DownstreamStub.start(this.settings, logs)) {
			// minted once, before anything is measured, for the load generator
			Tokens.load((this.targets != null) ? this.targets.issuer() : Settings.issuer(), Warmup.CUSTOMERS);
			Tokens.save(LoadGenerator.tokensFile(this.folder));
			this.load = new LoadGenerator(this.settings, this.folder);
			LoadGenerator.WarmupOutcome loadWarmup = this.load.warmUp(stub.url(),
					this.profile.warmup().loadGeneratorMaxSeconds());
			this.notes.add(loadWarmup.describe());
			progress.say("%s", loadWarmup.describe());
			int mostInFlight = this.scenarios.stream()
				.flatMap((name) -> this.profile.scenarios().get(name).labelledSteps().stream())
				.mapToInt((step) -> (step.concurrency() != null) ? step.concurrency() : 0)
				.max()
				.orElse(0);
			if (mostInFlight > 0 && this.targets == null) {
				String capacity = StubCapacity.measure(stub, mostInFlight);
				this.notes.add(capacity);
				progress.say("%s", capacity);
			}
			for (int repeat = 1; repeat <= this.profile.repeats(); repeat++) {
				for (Variant variant : inRepeatOrder(measured, repeat)) {
					measure(variant, repeat, stub, logs, progress);
				}
			}
			calibrationAtEnd = calibrate(logs, progress);
		}
		finally {
			if (this.load != null) {
				this.load.close();
			}
			this.databases.close();
			Files.deleteIfExists(LoadGenerator.tokensFile(this.folder));
			if (this.targets == null) {
				Storage.dropDatabase(this.settings);
			}
			deleteAotCaches();
		}
		double duration = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
		return new Results(
				ManifestFactory.create(this.profileName, this.profile, this.settings,
						measured.stream().map(Variant::name).toList(), this.scenarios, source, startedAt, duration,
						this.notes, this.threads, this.databases.rules(), calibration, calibrationAtEnd),
				this.footprints, this.runs, microbenchmarks, codeMetrics, List.of());
	}

	/**
	 * The kernel path's cost on this machine ({@link KernelPath}), before anything else
	 * runs and again after the last variant; against remote targets only within this
	 * machine. Null, with a note, when it could not be measured: it describes the run, it
	 * does not decide it.
	 */
	private Calibration calibrate(Path logs, Progress progress) {
		try {
			Calibration calibration = (this.targets != null) ? KernelPath.withinOnly()
					: KernelPath.measure(Taskset.available() ? this.settings.serviceCpus() : null, logs);
			progress.say("kernel path: %s", calibration.text());
			return calibration;
		}
		catch (IOException ex) {
			this.notes.add("kernel path not measured: " + ex.getMessage());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Odd repeats (counted from 1) run the variants as given, even ones in reverse. */
	static <T> List<T> inRepeatOrder(List<T> variants, int repeat) {
		return (repeat % 2 == 1) ? variants : variants.reversed();
	}

	private void measure(Variant variant, int repeat, DownstreamStub stub, Path logs, Progress progress)
			throws Exception {
		progress.variantStarting(variant.name());
		ServiceUnderTest service;
		try {
			service = startFresh(variant, stub, logs);
		}
		catch (Exception ex) {
			this.notes.add(variant.name() + " did not start: " + ex.getMessage());
			progress.say("%s did not start: %s", variant.name(), ex.getMessage());
			return;
		}
		try {
			this.footprints.add(footprint(variant, service, stub, progress));
			for (String scenario : scenariosOf(variant)) {
				if (!service.isAlive()) {
					this.notes.add(variant.name() + " exited during the previous scenario (see " + service.log()
							+ "); restarted and warmed up again before " + scenario);
					try {
						service = startFresh(variant, stub, logs);
						warmUpFirst(variant, service, stub);
					}
					catch (Exception ex) {
						this.notes.add(variant.name() + " did not restart: " + ex.getMessage() + "; its remaining "
								+ "scenarios did not run");
						return;
					}
				}
				this.runs.add(runScenario(variant, scenario, repeat, service, stub, progress));
			}
		}
		finally {
			service.close();
		}
	}

	/**
	 * The run's scenarios {@code variant} runs, in the run's order: every one for a
	 * service, those that ask for them for a floor.
	 */
	List<String> scenariosOf(Variant variant) {
		return this.scenarios.stream().filter((name) -> this.profile.scenarios().get(name).runBy(variant)).toList();
	}

	private ServiceUnderTest startFresh(Variant variant, DownstreamStub stub, Path logs) throws Exception {
		stub.behave(Map.of());
		if (this.targets != null) {
			return this.targets.service(variant.name());
		}
		Storage.recreateDatabase(this.settings);
		Storage.flushRedis(this.settings);
		if (variant.floor()) {
			FloorCache.fill(this.settings);
		}
		return ServiceUnderTest.start(variant, this.settings, logs);
	}

	private Footprint footprint(Variant variant, ServiceUnderTest service, DownstreamStub stub, Progress progress)
			throws Exception {
		Thread.sleep(1000);
		Scrape idle = MetricsScraper.once(service.metrics(), service.pid());
		BaseMemory base = baseMemory(service);
		Warmup.Outcome warmup = warmUpFirst(variant, service, stub);
		progress.variantReady();
		if (service.local()) {
			this.threads.putIfAbsent(variant.name(), ModelThreadsReader.read(service.pid()));
		}
		Double startup = (service.startup() != null) ? service.startup().toMillis() / 1000.0 : null;
		progress.say("%s: %s, warm-up %s after %d rounds (last %.0f req/s)", variant.name(),
				(startup != null) ? "ready in %.1f s".formatted(startup) : "started by someone else",
				warmup.steady() ? "steady" : "NOT steady (time limit)", warmup.rounds().size(),
				warmup.rounds().getLast());
		return new Footprint(variant.name(), startup, idle.rssBytes(), idle.heapUsedBytes(), idle.platformThreads(),
				warmup.rounds(), warmup.jitShares(), warmup.steady(),
				(base != null) ? base.outsideHeapRssBytes() : null, (base != null) ? base.liveHeapBytes() : null);
	}

	/**
	 * C11's figure, right after the idle scrape (its full GC must not touch what that
	 * scrape reads); null, with a note, where it cannot be measured.
	 */
	private BaseMemory baseMemory(ServiceUnderTest service) {
		BaseMemory base = service.local() ? BaseMemory.measure(service.pid()) : null;
		if (base == null && !this.notes.contains(BASE_MEMORY_NOT_MEASURED)) {
			this.notes.add(BASE_MEMORY_NOT_MEASURED);
		}
		return base;
	}

	private ScenarioRun runScenario(Variant variant, String name, int repeat, ServiceUnderTest service,
			DownstreamStub stub, Progress progress) {
		Profile.Scenario scenario = this.profile.scenarios().get(name);
		Duration settle;
		try {
			settle = service.awaitQuiet(this.settings.serviceCores(), QUIET_CPU_SHARE, QUIET_LIMIT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		progress.runStarting(variant.name(), name, repeat, scenario.seconds());
		Warmup.Outcome warmup = null;
		Path runFolder = this.folder.resolve("runs").resolve(variant.name() + "-" + name + "-" + repeat);
		long origin = System.currentTimeMillis();
		List<Scrape> scrapes = List.of();
		List<MachineSample> machine = List.of();
		try {
			Files.createDirectories(runFolder);
			stub.behave(scenario.downstream());
			Scenario type = Scenarios.named(name);
			warmup = warmUp(service, type.warmupMix(), this.profile.warmup().scenarioMaxSeconds());
			if (!warmup.steady()) {
				progress.say("%s · %s: warm-up NOT steady after %d rounds", variant.name(), name,
						warmup.rounds().size());
			}
			RunCheck check = (this.targets == null) ? type.check(database(), scenario.parameters()) : RunCheck.NONE;
			check.before();
			// a scenario the load generator has not run yet gets a longer lead-in
			// (Profile.Warmup#firstLeadInSeconds): its warm-up against the stub cannot
			// reach the scenario's own code (requests, checks, feeders), which the JIT
			// compiled during the first variant's first measured steps (about 1,200
			// compilations in the first seconds of catalog-read)
			int leadIn = this.simulationsRun.add(scenario.simulation()) ? this.profile.warmup().firstLeadInSeconds()
					: LOAD_GENERATOR_WARMUP_SECONDS;
			// the steps start from a collected heap, as each extra step does
			startClean(service);
			Plan plan = new Plan(name, service.baseUrl(), scenario.injection(),
					withLoadGeneratorWarmup(scenario, leadIn), scenario.parameters(),
					runFolder.resolve("latency.json").toAbsolutePath().toString());
			LoadGenerator.Outcome outcome;
			MetricsScraper scraper = MetricsScraper.start(service.metrics(), service.pid(),
					this.profile.scrapeMillis());
			try (scraper) {
				outcome = this.load.run(scenario.simulation(), plan, variant.name() + " " + name + " #" + repeat);
			}
			// read once closed: closing takes the sample after the load's end that the
			// last step's window needs (without it that step had no interference figures)
			scrapes = scraper.scrapes();
			machine = scraper.machineSamples();
			List<Step> steps = steps(outcome.latency(), scrapes, machine, interferenceMeter(),
					this.settings.serviceCores());
			// a run the recorder stopped (the service fell behind) ended in a failing
			// step, which is where a ladder that doubles usually ends: the boundary below
			// it is what the knee search is for
			Map<String, Double> searchFigures = new java.util.LinkedHashMap<>();
			if (service.isAlive()) {
				steps = refineKnee(type, scenario, steps, plan, runFolder, service,
						variant.name() + " " + name + " #" + repeat, progress, searchFigures);
			}
			Map<String, Double> figures = new java.util.LinkedHashMap<>(type.derive(steps));
			figures.putAll(searchFigures);
			figures.putAll(warmupFigures(warmup, this.profile.warmup().steadyRounds()));
			figures.putAll(Efficiency.of(steps, scenario.efficiencyRate()));
			// how long the service took to go quiet after what ran before
			// (an overloaded scenario leaves a backlog); QUIET_LIMIT means
			// it never did, and this run started anyway
			figures.put("settleSecondsBefore", settle.toMillis() / 1000.0);
			if (outcome.cpuShare() != null) {
				figures.put("loadGeneratorCpuShare", outcome.cpuShare());
			}
			figures.putAll(check.after());
			figures.putAll(SecurityCost.figures(service, runFolder, outcome.latency()));
			String failure = !service.isAlive() ? "the service exited during the run; see " + service.log()
					: (outcome.latency().stopReason() != null) ? "partial: " + outcome.latency().stopReason() : null;
			return new ScenarioRun(name, variant.name(), repeat, outcome.report(), steps,
					Windows.series(scrapes, origin, this.settings.serviceCores()), figures, failure);
		}
		catch (Exception ex) {
			progress.say("%s · %s failed: %s", variant.name(), name, ex.getMessage());
			return new ScenarioRun(name, variant.name(), repeat, null, List.of(),
					Windows.series(scrapes, origin, this.settings.serviceCores()),
					(warmup != null) ? warmupFigures(warmup, this.profile.warmup().steadyRounds()) : Map.of(),
					ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			progress.runDone(scenario.seconds());
		}
	}

	/**
	 * The knee search past the planned steps (docs/claims.md#the-knee): each extra step a
	 * short Gatling run of its own (behind the same lead-in), appended to the run's steps
	 * under its label ("refine 1400 req/s", "confirm 1200 req/s", "rerun 2000 req/s").
	 */
	private List<Step> refineKnee(Scenario type, Profile.Scenario scenario, List<Step> planned, Plan plan,
			Path runFolder, ServiceUnderTest service, String description, Progress progress,
			Map<String, Double> figures) throws Exception {
		if (type.p99ObjectiveMs().isEmpty()
				|| scenario.steps().stream().anyMatch((step) -> step.offeredRate() == null)) {
			return planned;
		}
		KneeSearch search = new KneeSearch(this.profile.refine(), type.p99ObjectiveMs().get(),
				scenario.steps().getFirst().seconds());
		List<Step> steps = new ArrayList<>(planned);
		for (java.util.Optional<Plan.Step> next = search.next(steps); next.isPresent(); next = search.next(steps)) {
			Plan.Step extra = next.get();
			Step last = steps.getLast();
			if (Knee.compiling(last)) {
				// an overload deoptimizes what its failures reach, and the JIT recompiles
				// it under the next step's load: on an AMD EPYC VM it took 21-29 % of
				// loom's core in the refinements after home-fanout's collapse, which
				// failed at rates the other repeat passed (docs/claims.md#the-knee)
				Warmup.Outcome again = warmUp(service, type.warmupMix(), this.profile.warmup().scenarioMaxSeconds());
				figures.merge(WARMUPS_AFTER_COMPILING, 1.0, Double::sum);
				figures.merge(WARMUP_ROUNDS_AFTER_COMPILING, (double) again.rounds().size(), Double::sum);
				progress.say(
						"%s: warmed up again after %s (the JIT took %.0f %% of the core there): %s after %d rounds",
						description, last.label(), 100 * last.server().jitShare(),
						again.steady() ? "steady" : "NOT steady", again.rounds().size());
			}
			// a failed step leaves a backlog and a heap full of its requests, which the
			// next one must not measure
			startClean(service);
			progress.say("%s: %s", description, extra.label());
			// the lead-in at the lowest rate, as in the planned run, so the service meets
			// the extra step with its connections open and without a backlog
			Plan single = new Plan(plan.scenario(), plan.baseUrl(), plan.injection(),
					List.of(leadIn(plan.steps().getFirst(), LOAD_GENERATOR_WARMUP_SECONDS), extra), plan.parameters(),
					runFolder.resolve("latency-" + (steps.size() + 1) + ".json").toAbsolutePath().toString());
			LoadGenerator.Outcome outcome;
			List<Scrape> scrapes;
			List<MachineSample> machine;
			MetricsScraper scraper = MetricsScraper.start(service.metrics(), service.pid(),
					this.profile.scrapeMillis());
			try (scraper) {
				outcome = this.load.run(scenario.simulation(), single, description + " " + extra.label());
			}
			// read once closed, as for the planned steps
			scrapes = scraper.scrapes();
			machine = scraper.machineSamples();
			List<Step> measured = steps(outcome.latency(), scrapes, machine, interferenceMeter(),
					this.settings.serviceCores());
			if (measured.isEmpty() || !service.isAlive()) {
				progress.say("%s: the knee search stopped at %s", description, extra.label());
				break;
			}
			// a step the recorder stopped (the service fell behind) is a failure, as the
			// planned run's last step is: the search goes on below it (it once ended
			// loom's catalog-read search at 6,000 req/s with the boundary at 4,000-8,000)
			if (outcome.latency().stopReason() != null) {
				progress.say("%s: %s stopped early: %s", description, extra.label(), outcome.latency().stopReason());
			}
			steps.addAll(measured);
		}
		return steps;
	}

	/**
	 * Before measured steps: the service's heap collected in full
	 * ({@link ServiceUnderTest#collectHeap}), then its CPU quiet (the collection and any
	 * backlog done).
	 */
	private void startClean(ServiceUnderTest service) throws InterruptedException {
		service.collectHeap();
		service.awaitQuiet(this.settings.serviceCores(), QUIET_CPU_SHARE, QUIET_LIMIT);
	}

	/**
	 * The extracted jars and AOT caches of {@code --aot-cache} (about 100 MB a variant)
	 * served their start-ups; the results keep the training logs only.
	 */
	private void deleteAotCaches() throws IOException {
		Path aot = this.folder.resolve("aot");
		if (!Files.isDirectory(aot)) {
			return;
		}
		try (java.util.stream.Stream<Path> files = Files.walk(aot)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				if (!file.getFileName().toString().endsWith(".log") && (!Files.isDirectory(file) || isEmpty(file))) {
					Files.delete(file);
				}
			}
		}
	}

	private static boolean isEmpty(Path folder) throws IOException {
		try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isEmpty();
		}
	}

	private Database database() {
		return new Database() {

			@Override
			public String name() {
				return ComparisonRun.this.settings.database();
			}

			@Override
			public Connection connect() throws SQLException {
				return Storage.connect(ComparisonRun.this.settings);
			}

		};
	}

	/**
	 * The JIT compiler threads' CPU time, in clock ticks; for a remote service the
	 * compilations' elapsed time from its metrics (see {@code Scrape}), which never makes
	 * the JIT look quieter than it is.
	 */
	private static java.util.function.Supplier<Long> jitTicks(ServiceUnderTest service) {
		return service.local() ? () -> ProcStat.jitTicksOf(service.pid())
				: () -> MetricsScraper.once(service.metrics(), -1).jitTicks();
	}

	/**
	 * The scenario's steps behind a short lead-in like its first step, which is not
	 * reported, {@code seconds} long.
	 */
	static List<Plan.Step> withLoadGeneratorWarmup(Profile.Scenario scenario, int seconds) {
		List<Plan.Step> steps = scenario.labelledSteps();
		List<Plan.Step> all = new ArrayList<>();
		all.add(leadIn(steps.getFirst(), seconds));
		all.addAll(steps);
		return all;
	}

	/** A lead-in at {@code first}'s load, {@code seconds} long. */
	private static Plan.Step leadIn(Plan.Step first, int seconds) {
		return new Plan.Step(LOAD_GENERATOR_WARMUP, first.offeredRate(), first.concurrency(), first.background(),
				seconds);
	}

	private static List<Step> steps(LatencyFile latency, List<Scrape> scrapes, List<MachineSample> machine,
			InterferenceMeter meter, int serviceCores) {
		return latency.steps()
			.stream()
			.filter((figures) -> !figures.step().label().equals(LOAD_GENERATOR_WARMUP))
			.map((figures) -> new Step(figures.step().label(), figures.step().offeredRate(),
					figures.step().concurrency(), figures.step().background(), figures.step().seconds(),
					figures.requests(),
					Windows.stats(scrapes, figures.startMillis(), figures.endMillis(), serviceCores),
					LoadGeneratorCheck.of(figures.loadGenerator()),
					meter.over(machine, figures.startMillis(), figures.endMillis()), figures.startMillis(),
					figures.endMillis()))
			.toList();
	}

	/** Nothing can be told about the service's core when it is not pinned. */
	private InterferenceMeter interferenceMeter() {
		return new InterferenceMeter((Taskset.available() && this.targets == null)
				? InterferenceMeter.cpus(this.settings.serviceCpus()) : java.util.Set.of(),
				this.databases.shareServiceCores());
	}

	/**
	 * A fresh JVM's long first warm-up, over every endpoint: each scenario's own warm-up
	 * is short, and a scenario whose code the JIT met for the first time kept the
	 * compiler threads at 40-50 % of the core for all of the 15 s it was given. A floor
	 * has one endpoint, the cached product read.
	 */
	private Warmup.Outcome warmUpFirst(Variant variant, ServiceUnderTest service, DownstreamStub stub)
			throws IOException, InterruptedException {
		stub.behave(WARMUP_DOWNSTREAM);
		return warmUp(service, variant.floor() ? WarmupRequest.PRODUCT_READS : WarmupRequest.EVERY_ENDPOINT,
				this.profile.warmup().maxSeconds());
	}

	/**
	 * Warms the service up on its pinned core(s), the stub already set, its JIT compiler
	 * threads on the load CPUs meanwhile ({@link CompilerAside}), its metrics scraped as
	 * during a run: a JFR recording of reactive's catalog-read found the Prometheus
	 * exposition code (io.prometheus.metrics, Micrometer's registry) the largest share of
	 * what the JIT compiled in the lead-in and the measured steps (138 of 468
	 * compilations) when only the runs were scraped, and the type checks it polluted the
	 * commonest reason for deoptimization there.
	 */
	private Warmup.Outcome warmUp(ServiceUnderTest service, Map<WarmupRequest, Integer> mix, int maxSeconds)
			throws InterruptedException {
		try (CompilerAside aside = service.local()
				? CompilerAside.of(service.pid(), this.settings.serviceCpus(), this.settings.loadCpus())
				: CompilerAside.NONE;
				MetricsScraper scraper = MetricsScraper.start(service.metrics(), service.pid(),
						this.profile.scrapeMillis())) {
			return new Warmup(this.profile.warmup(), mix, jitTicks(service)).run(service.baseUrl(), maxSeconds);
		}
	}

	/**
	 * {@link ScenarioRun#WARMUP_STEADY}, {@code warmupRounds}, {@code warmupJitShare}
	 * (the CPU the JIT compiler threads used in the last round over its wall time) and,
	 * over the last {@code steadyRounds} rounds, what steady is judged on:
	 * {@code warmupClimb} (their rise over their mean) and
	 * {@code warmupJitShareLastRounds} (the JIT's share of them together), so that a run
	 * that was not steady says which half failed, and {@code warmupSpread} (their max -
	 * min over their mean), the rounds' noise.
	 */
	private static Map<String, Double> warmupFigures(Warmup.Outcome warmup, int steadyRounds) {
		Map<String, Double> figures = new java.util.LinkedHashMap<>();
		figures.put(ScenarioRun.WARMUP_STEADY, warmup.steady() ? 1.0 : 0.0);
		figures.put("warmupRounds", (double) warmup.rounds().size());
		if (!warmup.jitShares().isEmpty() && warmup.jitShares().getLast() != null) {
			figures.put("warmupJitShare", warmup.jitShares().getLast());
		}
		Double climb = Warmup.climb(warmup.rounds(), steadyRounds);
		if (climb != null) {
			figures.put("warmupClimb", climb);
		}
		Double spread = Warmup.spread(warmup.rounds(), steadyRounds);
		if (spread != null) {
			figures.put("warmupSpread", spread);
		}
		Double jit = Warmup.jitShare(warmup.jitShares(), steadyRounds);
		if (jit != null) {
			figures.put("warmupJitShareLastRounds", jit);
		}
		return figures;
	}

}
