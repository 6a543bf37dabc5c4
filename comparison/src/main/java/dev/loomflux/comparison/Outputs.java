package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.loomflux.comparison.ledger.Ledger;
import dev.loomflux.comparison.ledger.SummaryWriter;
import dev.loomflux.comparison.report.ReportPage;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;

/**
 * The three outputs of a run, written into its results folder: the claims ledger is
 * computed once from the measured figures (unless the profile withholds verdicts) and
 * goes into all three; the two documents are rendered from results.json alone, so
 * {@link ReportCommand} can render them again.
 */
final class Outputs {

	private Outputs() {
	}

	static Results write(Results measured, Path folder) throws IOException {
		boolean withheld = measured.manifest() != null && measured.manifest().verdictsWithheld();
		Results results = new Results(measured.manifest(), measured.footprints(), measured.scenarios(),
				measured.microbenchmarks(), measured.codeMetrics(), withheld ? List.of() : Ledger.evaluate(measured));
		ResultsJson.write(results, folder.resolve("results.json"));
		render(results, folder);
		return results;
	}

	/**
	 * summary.md and report.html from results that already hold their ledger: what a run
	 * writes after results.json, and all that {@code ./loomflux report} writes.
	 */
	static void render(Results results, Path folder) throws IOException {
		SummaryWriter.write(results, folder.resolve("summary.md"));
		ReportPage.write(results, folder.resolve("report.html"));
	}

}
