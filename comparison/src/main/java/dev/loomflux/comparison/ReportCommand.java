package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./loomflux report <results-dir>}: renders summary.md and report.html again from
 * the folder's results.json (its figures and the ledger the run computed), without a new
 * run; byte for byte what the run wrote, as long as the rendering code is the same. With
 * {@code --judge-again} it first computes the ledger again from the recorded figures by
 * this build's rules, rewrites results.json with it and says so in the run's notes: a
 * rule changed after a run can be applied to it, and a reader sees which rules judged it.
 */
@Command(name = "loomflux report", mixinStandardHelpOptions = true, versionProvider = CompareCommand.Version.class,
		description = "Renders summary.md and report.html again from a run's results.json.")
public final class ReportCommand implements Callable<Integer> {

	@Parameters(paramLabel = "RESULTS-DIR", description = "a run's folder, e.g. results/20261201-211502-quick")
	Path folder;

	@Option(names = "--judge-again",
			description = "compute the claims ledger again from the recorded figures by this build's rules, "
					+ "rewrite results.json with it and note it in the run's notes")
	boolean judgeAgain;

	@Override
	public Integer call() throws Exception {
		Path json = this.folder.resolve("results.json");
		if (!Files.isRegularFile(json)) {
			System.err.println("no results.json in " + this.folder);
			return 2;
		}
		Results results = ResultsJson.read(json);
		if (this.judgeAgain) {
			results = Outputs.judgeAgain(results, rulesCommit(), Instant.now());
			ResultsJson.write(results, json);
		}
		Outputs.render(results, this.folder);
		System.out.println("written: " + this.folder.resolve("summary.md") + ", " + this.folder.resolve("report.html"));
		return 0;
	}

	private static String rulesCommit() {
		// only the commit: Source.now() would also read and flatten every settings file
		boolean dirty = !ManifestFactory.git("status", "--porcelain", "--untracked-files=no").isEmpty();
		return ManifestFactory.git("rev-parse", "HEAD") + (dirty ? " with uncommitted changes" : "");
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new ReportCommand()).execute(args));
	}

}
