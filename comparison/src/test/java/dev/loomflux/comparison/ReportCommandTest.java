package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.loomflux.comparison.ledger.Ledger;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./loomflux report} renders a recorded run (a quick run's results.json, committed
 * as a fixture) exactly as the run itself wrote it.
 */
class ReportCommandTest {

	@TempDir
	Path folder;

	@Test
	void shouldRenderARecordedRunAgainByteForByte() throws Exception {
		Path run = Files.createDirectories(this.folder.resolve("run"));
		Outputs.write(ResultsJson.read(Path.of("src/test/resources/fixtures/results-recorded.json")), run);
		Path again = Files.createDirectories(this.folder.resolve("again"));
		Files.copy(run.resolve("results.json"), again.resolve("results.json"));

		int exit = new CommandLine(new ReportCommand()).execute(again.toString());

		assertThat(exit).isZero();
		assertThat(again.resolve("summary.md")).hasSameBinaryContentAs(run.resolve("summary.md"));
		assertThat(again.resolve("report.html")).hasSameBinaryContentAs(run.resolve("report.html"));
		assertThat(Files.readString(again.resolve("report.html"))).contains("catalog-read");
	}

	@Test
	void shouldJudgeARecordedRunAgainByTodaysRulesAndSaySo() throws Exception {
		Results recorded = ResultsJson.read(Path.of("src/test/resources/fixtures/results-recorded.json"));
		Results withoutLedger = new Results(recorded.manifest(), recorded.footprints(), recorded.scenarios(),
				recorded.microbenchmarks(), recorded.codeMetrics(), List.of());
		ResultsJson.write(withoutLedger, this.folder.resolve("results.json"));

		int exit = new CommandLine(new ReportCommand()).execute("--judge-again", this.folder.toString());

		assertThat(exit).isZero();
		Results judged = ResultsJson.read(this.folder.resolve("results.json"));
		assertThat(judged.claims()).extracting(ClaimVerdict::verdict)
			.containsExactlyElementsOf(Ledger.evaluate(recorded).stream().map(ClaimVerdict::verdict).toList());
		assertThat(judged.manifest().notes()).last().asString().startsWith("Ledger computed again on ");
		assertThat(judged.scenarios()).hasSameSizeAs(recorded.scenarios());
		assertThat(Files.readString(this.folder.resolve("summary.md"))).contains("Ledger computed again on ");
	}

	@Test
	void shouldRefuseAFolderWithoutResults() {
		assertThat(new CommandLine(new ReportCommand()).execute(this.folder.toString())).isEqualTo(2);
	}

}
