package dev.loomflux.microbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.loomflux.microbench.MicrobenchReport.Handoff;
import dev.loomflux.microbench.handoff.HandoffRun;
import dev.loomflux.microbench.parked.FootprintRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one entry point: measures C6 (hand-off cost, JMH) and C7 (parked-task footprint,
 * fresh JVMs) and writes one JSON file. A part that fails leaves its list short and says
 * why in {@code failure}; the file is written either way.
 * <p>
 * Exit status: 0 when everything was measured, 1 when the file carries a failure, 2 on a
 * usage error.
 */
@Command(name = "microbench", mixinStandardHelpOptions = true,
		description = "Measures one hand-off between suspended tasks (C6) and the memory of one parked task (C7) "
				+ "for virtual threads, platform threads and Reactor, and writes them as JSON.")
public final class MicrobenchCommand implements Callable<Integer> {

	@Option(names = "--out", required = true, paramLabel = "FILE", description = "JSON file to write")
	private Path out;

	@Option(names = "--profile", defaultValue = "quick", paramLabel = "quick|full|smoke",
			description = "quick (about a minute), full (more forks and iterations) or smoke "
					+ "(plumbing check, meaningless figures); default ${DEFAULT-VALUE}")
	private Profile profile;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	static CommandLine commandLine() {
		return new CommandLine(new MicrobenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
	}

	@Override
	public Integer call() throws Exception {
		List<String> failures = new ArrayList<>();
		List<Handoff> handoffs = List.of();
		try {
			handoffs = HandoffRun.run(this.profile);
		}
		catch (Exception ex) {
			failures.add("hand-off benchmark: " + ex);
		}
		FootprintRun.Result footprint = FootprintRun.run(this.profile.parkedCount(), this.profile.parkedRepeats());
		failures.addAll(footprint.failures().stream().map((failure) -> "parked footprint: " + failure).toList());
		MicrobenchReport report = new MicrobenchReport(handoffs, footprint.parked(), conditions(),
				failures.isEmpty() ? null : String.join("; ", failures));
		Path parent = this.out.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Json.MAPPER.writeValue(this.out.toFile(), report);
		return failures.isEmpty() ? 0 : 1;
	}

	private String conditions() {
		return "profile %s; %s; %s; JDK %s (%s), %d CPUs, %s %s".formatted(this.profile.name().toLowerCase(),
				HandoffRun.conditions(this.profile),
				FootprintRun.conditions(this.profile.parkedCount(), this.profile.parkedRepeats()), Runtime.version(),
				System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
				System.getProperty("os.name"), System.getProperty("os.arch"));
	}

}
