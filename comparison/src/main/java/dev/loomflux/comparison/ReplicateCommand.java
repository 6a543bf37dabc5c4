package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.loomflux.comparison.ledger.Replication;
import dev.loomflux.comparison.results.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./loomflux replicate <run-1> <run-2>}: whether two runs replicate
 * ({@link Replication}), as Markdown on standard output: each run's conditions and
 * interference, their verdicts side by side and their knees within the ledger's margin.
 * What docs/runs.md's "Do the runs replicate?" table is made from.
 */
@Command(name = "loomflux replicate", mixinStandardHelpOptions = true, versionProvider = CompareCommand.Version.class,
		description = "Compares two runs' verdicts and knees and prints whether they replicate, as Markdown.")
public final class ReplicateCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "RUN-1", description = "a run's folder, e.g. results/20261206-135008-full")
	Path first;

	@Parameters(index = "1", paramLabel = "RUN-2", description = "another run's folder")
	Path second;

	@Option(names = "--out", paramLabel = "FILE", description = "write the Markdown to this file as well")
	Path out;

	@Override
	public Integer call() throws Exception {
		for (Path run : new Path[] { this.first, this.second }) {
			if (!Files.isRegularFile(run.resolve("results.json"))) {
				System.err.println("no results.json in " + run);
				return 2;
			}
		}
		String markdown = Replication
			.of(ResultsJson.read(this.first.resolve("results.json")),
					ResultsJson.read(this.second.resolve("results.json")))
			.markdown(this.first.toString(), this.second.toString());
		System.out.print(markdown);
		if (this.out != null) {
			Files.writeString(this.out, markdown);
		}
		return 0;
	}

	public static void main(String[] args) {
		System.exit(CompareCommand.withOneLineErrors(new ReplicateCommand()).execute(args));
	}

}
