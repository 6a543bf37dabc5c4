package dev.loomflux.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.launcher.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./loomflux compare}: the comparison run's command line. The shell script checks
 * the options the same way (so that help and a mistyped option answer before any set-up
 * or build), builds the jars and makes sure PostgreSQL and Redis answer; everything else
 * happens here.
 */
@Command(name = "loomflux compare", mixinStandardHelpOptions = true, versionProvider = CompareCommand.Version.class,
		description = "Runs every scenario against every variant and writes results.json, summary.md and report.html.")
public final class CompareCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--profile", defaultValue = "quick",
			description = "smoke (every scenario once against loom and reactive, one short step, no verdicts: "
					+ "for trying the pipeline), quick (the default: every scenario once against loom and "
					+ "reactive, about 20 minutes on 2 cores) or full (every variant, every run twice, in ABBA "
					+ "order: about an hour on 2 cores)")
	String profile;

	@Option(names = "--variants", split = ",", completionCandidates = VariantNames.class,
			description = "some of ${COMPLETION-CANDIDATES} (default: the profile's: loom and reactive for smoke "
					+ "and quick, all but reactive-one-loop for full)")
	List<String> variants;

	@Option(names = "--scenarios", split = ",", completionCandidates = ScenarioNames.class,
			description = "some of ${COMPLETION-CANDIDATES} (default: every scenario of the profile)")
	List<String> scenarios;

	@Option(names = "--service-cpus", defaultValue = "1",
			description = "taskset CPU list for the service (default: ${DEFAULT-VALUE})")
	String serviceCpus;

	@Option(names = "--load-cpus", defaultValue = "0",
			description = "taskset CPU list for Gatling and the stub (default: ${DEFAULT-VALUE})")
	String loadCpus;

	@Option(names = "--results", defaultValue = "results",
			description = "folder under which each run gets one (default: ${DEFAULT-VALUE})")
	Path results;

	@Option(names = "--skip-microbench", description = "leave out the JMH microbenchmarks (C6, C7)")
	boolean skipMicrobench;

	@Option(names = "--aot-cache",
			description = "run each service from its extracted jar with a trained JDK AOT cache, as the image does")
	boolean aotCache;

	@Option(names = "--target", paramLabel = "V=URL,...",
			description = "load services someone else started (compose, Kubernetes) instead of starting its own: "
					+ "variant name = base URL; nothing is started, pinned or reset (docs/comparison.md)")
	String target;

	@Option(names = "--metrics", paramLabel = "V=URL,...",
			description = "with --target: each one's /actuator/prometheus, for the server-side figures")
	String metrics;

	@Option(names = "--stub", paramLabel = "URL",
			description = "with --target: the downstream stub they call, whose TEST issuer they trust")
	String stub;

	@Override
	public Integer call() throws Exception {
		Targets targets = checkOptions();
		Profile settings = Profile.load(this.profile);
		List<String> variantNames = (targets != null) ? List.copyOf(targets.urls().keySet())
				: (this.variants == null) ? settings.variants() : this.variants;
		List<Variant> chosen = variantNames.stream().map(Variant::named).toList();
		List<String> scenarioNames = (this.scenarios == null) ? new ArrayList<>(settings.scenarios().keySet())
				: this.scenarios;
		Path folder = Files.createDirectories(this.results
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + this.profile));
		System.out.println("loomflux compare: profile " + this.profile + ", variants "
				+ chosen.stream().map(Variant::name).toList() + ", scenarios " + scenarioNames + ", results in "
				+ folder);
		Results results = new ComparisonRun(this.profile, settings,
				Settings.fromEnvironment((targets != null) ? null : this.serviceCpus, this.loadCpus, this.aotCache),
				chosen, scenarioNames, folder, new Microbench(folder, this.profile, this.skipMicrobench), targets)
			.run();
		Outputs.write(results, folder);
		System.out.println("written: " + folder.resolve("results.json") + ", " + folder.resolve("summary.md") + ", "
				+ folder.resolve("report.html"));
		return 0;
	}

	/**
	 * Refuses a profile, variant or scenario that does not exist before anything starts
	 * (main's {@link #commandLine()} turns it into one line and exit code 2).
	 * @return the services of {@code --target}, null without it
	 */
	Targets checkOptions() throws IOException {
		requireOneOf("--profile", List.of(this.profile), Profile.NAMES);
		requireOneOf("--variants", (this.variants != null) ? this.variants : List.of(), Variant.names());
		if (this.scenarios != null) {
			requireOneOf("--scenarios", this.scenarios, Profile.load(this.profile).scenarios().keySet());
		}
		if (this.target == null) {
			if (this.metrics != null || this.stub != null) {
				throw new ParameterException(this.spec.commandLine(), "--metrics and --stub go with --target");
			}
			return null;
		}
		if (this.variants != null) {
			throw new ParameterException(this.spec.commandLine(), "--target names the variants; leave out --variants");
		}
		if (this.stub == null || !this.stub.startsWith("http")) {
			throw new ParameterException(this.spec.commandLine(),
					"--target needs --stub URL: the downstream stub the targets call, whose TEST issuer they trust");
		}
		try {
			Map<String, String> services = targets(this.target);
			requireOneOf("--target", List.copyOf(services.keySet()), Variant.names());
			Map<String, URI> metricsOf = new java.util.HashMap<>();
			if (this.metrics != null) {
				Map<String, String> metrics = targets(this.metrics);
				requireOneOf("--metrics", List.copyOf(metrics.keySet()), services.keySet());
				metrics.forEach((name, url) -> metricsOf.put(name, URI.create(url)));
			}
			return new Targets(services, metricsOf, this.stub.replaceAll("/+$", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	/**
	 * Picocli's own wording for a value outside an enum's, which scripts/compare.sh
	 * writes too.
	 */
	private void requireOneOf(String option, List<String> given, Collection<String> valid) {
		for (String value : given) {
			if (!valid.contains(value)) {
				throw new ParameterException(this.spec.commandLine(),
						"Invalid value for option '%s': expected one of %s but was '%s'".formatted(option,
								String.join(", ", valid), value));
			}
		}
	}

	/**
	 * {@code name=URL,...} in the order given; a name twice, a missing {@code =} or a URL
	 * that is not http(s) is refused.
	 */
	static java.util.LinkedHashMap<String, String> targets(String list) {
		java.util.LinkedHashMap<String, String> targets = new java.util.LinkedHashMap<>();
		for (String entry : list.split(",")) {
			int equals = entry.indexOf('=');
			String name = (equals > 0) ? entry.substring(0, equals).strip() : "";
			String url = (equals > 0) ? entry.substring(equals + 1).strip() : "";
			if (name.isEmpty() || !(url.startsWith("http://") || url.startsWith("https://"))) {
				throw new IllegalArgumentException("expected name=http://host:port, got '" + entry + "'");
			}
			if (targets.put(name, url.replaceAll("/+$", "")) != null) {
				throw new IllegalArgumentException("target " + name + " named twice");
			}
		}
		return targets;
	}

	/**
	 * The command line as {@code main} runs it: a wrong option gets one line saying what
	 * is wrong and what would be right (exit code 2), not the whole usage under it.
	 */
	static CommandLine commandLine() {
		return withOneLineErrors(new CompareCommand());
	}

	/**
	 * {@code command}'s command line, answering a wrong option with the one line picocli
	 * says is wrong and exit code 2, not the whole usage under it (every command here).
	 */
	static CommandLine withOneLineErrors(Object command) {
		return new CommandLine(command).setParameterExceptionHandler((ex, args) -> {
			ex.getCommandLine().getErr().println(ex.getMessage());
			return ex.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
		});
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	static final class VariantNames implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return Variant.names().iterator();
		}

	}

	/**
	 * The default profile's scenarios, which the help lists: every profile has them
	 * (ProfileTest), but for full, which leaves out the floors' cached-read and orders.
	 */
	static final class ScenarioNames implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			try {
				return Profile.load("quick").scenarios().keySet().iterator();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * The project's version from pom.xml, which the build writes into
	 * {@code version.properties} (see comparison/pom.xml).
	 */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() throws IOException {
			try (InputStream in = CompareCommand.class.getResourceAsStream("version.properties")) {
				Properties properties = new Properties();
				properties.load(in);
				return new String[] { "loomflux " + properties.getProperty("version") };
			}
		}

	}

}
