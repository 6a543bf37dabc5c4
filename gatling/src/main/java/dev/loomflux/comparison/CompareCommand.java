package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.loomflux.comparison.results.Results;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./loomflux compare}: the comparison run's command line. The shell script builds
 * the jars and makes sure PostgreSQL and Redis answer; everything else happens here.
 */
@Command(name = "loomflux compare", mixinStandardHelpOptions = true,
		description = "Runs every scenario against every variant and writes results.json, summary.md and report.html.")
public final class CompareCommand implements Callable<Integer> {

	@Option(names = "--profile", defaultValue = "quick",
			description = "quick (about 12 minutes on 2 cores) or full (every run 3 times, about two hours)")
	String profile;

	@Option(names = "--variants", split = ",", description = "default: loom,platform,reactive,reactive-inline")
	List<String> variants;

	@Option(names = "--scenarios", split = ",", description = "default: every scenario of the profile")
	List<String> scenarios;

	@Option(names = "--service-cpus", defaultValue = "1", description = "taskset CPU list for the service")
	String serviceCpus;

	@Option(names = "--load-cpus", defaultValue = "0", description = "taskset CPU list for Gatling and the stub")
	String loadCpus;

	@Option(names = "--results", defaultValue = "results", description = "folder under which each run gets one")
	Path results;

	@Option(names = "--skip-microbench", description = "leave out the JMH microbenchmarks (C6, C7)")
	boolean skipMicrobench;

	@Override
	public Integer call() throws Exception {
		Profile settings = Profile.load(this.profile);
		List<Variant> chosen = (this.variants == null) ? Variant.ALL
				: this.variants.stream().map(Variant::named).toList();
		List<String> scenarioNames = (this.scenarios == null) ? new ArrayList<>(settings.scenarios().keySet())
				: this.scenarios;
		scenarioNames.stream()
			.filter((name) -> !settings.scenarios().containsKey(name))
			.findFirst()
			.ifPresent((name) -> {
				throw new CommandLine.ParameterException(new CommandLine(this),
						"unknown scenario " + name + "; known: " + settings.scenarios().keySet());
			});
		Path folder = Files.createDirectories(this.results
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + this.profile));
		System.out.println("loomflux compare: profile " + this.profile + ", variants "
				+ chosen.stream().map(Variant::name).toList() + ", scenarios " + scenarioNames + ", results in "
				+ folder);
		Results results = new ComparisonRun(this.profile, settings,
				Settings.fromEnvironment(this.serviceCpus, this.loadCpus), chosen, scenarioNames, folder,
				new Microbench(folder, this.profile, this.skipMicrobench))
			.run();
		Outputs.write(results, folder);
		System.out.println("written: " + folder.resolve("results.json") + ", " + folder.resolve("summary.md") + ", "
				+ folder.resolve("report.html"));
		return 0;
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new CompareCommand()).execute(args));
	}

}
