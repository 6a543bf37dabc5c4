package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.loomflux.comparison.ledger.Ledger;
import dev.loomflux.comparison.ledger.SummaryWriter;
import dev.loomflux.comparison.report.ReportPage;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Manifest;
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
		Results results = new Results(measured.manifest(), measured.footprints(), measured.scenarios(),
				measured.microbenchmarks(), measured.codeMetrics(), ledger(measured));
		ResultsJson.write(results, folder.resolve("results.json"));
		render(results, folder);
		return results;
	}

	/**
	 * The recorded figures judged by this build's rules: the ledger computed again (none
	 * where the profile withholds verdicts) and a note, in the manifest, of which
	 * commit's rules did it and when. The figures and the rest of the manifest stay as
	 * recorded.
	 */
	static Results judgeAgain(Results recorded, String commit, Instant when) {
		Manifest manifest = recorded.manifest();
		if (manifest != null) {
			List<String> notes = new ArrayList<>((manifest.notes() != null) ? manifest.notes() : List.of());
			notes.add("Ledger computed again on " + when.truncatedTo(ChronoUnit.SECONDS) + " by the rules of commit "
					+ commit + " (./loomflux report --judge-again); the figures are the run's own.");
			manifest = manifest.withNotes(notes);
		}
		return new Results(manifest, recorded.footprints(), recorded.scenarios(), recorded.microbenchmarks(),
				recorded.codeMetrics(), ledger(recorded));
	}

	/** The claims ledger of the figures, or none where the profile withholds verdicts. */
	private static List<ClaimVerdict> ledger(Results measured) {
		boolean withheld = measured.manifest() != null && measured.manifest().verdictsWithheld();
		return withheld ? List.of() : Ledger.evaluate(measured);
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
