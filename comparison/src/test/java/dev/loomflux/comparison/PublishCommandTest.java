package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import dev.loomflux.comparison.report.Chromium;
import dev.loomflux.comparison.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./loomflux publish} on a small run (the invented report fixture without its
 * scenarios, so that its report has five charts, not sixty): the folder it writes and
 * what it refuses. The rendering test is skipped without chromium.
 */
class PublishCommandTest {

	@TempDir
	Path dir;

	@Test
	void shouldPublishTheRunsFilesAndOneImagePerChartUnderTheDayItStarted() throws Exception {
		assumeTrue(Chromium.find().isPresent(), "no chromium binary: publishing is not tried");
		Path run = smallRun();
		Path docs = this.dir.resolve("docs").resolve("results");

		int exit = publish(run.toString(), "--into", docs.toString());

		assertThat(exit).isZero();
		Path published = docs.resolve("2025-01-01");
		assertThat(published.resolve("results.json")).hasSameBinaryContentAs(run.resolve("results.json"));
		assertThat(published.resolve("summary.md")).content().contains("## Claims ledger");
		assertThat(published.resolve("report.html")).content().contains("id=\"report-data\"");
		List<Path> pngs;
		try (var files = Files.list(published.resolve("charts"))) {
			pngs = files.sorted().toList();
		}
		assertThat(pngs).extracting((png) -> png.getFileName().toString())
			.containsExactly("code-lines.png", "footprint-idle-memory.png", "footprint-warmup.png", "micro-handoff.png",
					"micro-parked.png");
		for (Path png : pngs) {
			assertThat(ImageIO.read(png.toFile())).as(png.toString()).isNotNull();
		}
		assertThat(published.resolve("charts.md")).content()
			.contains("# Charts of the full profile run published as 2025-01-01",
					"\n## Footprints: start-up, idle, warm-up\n\n### Idle memory after start-up\n\n"
							+ "![Idle memory after start-up](charts/footprint-idle-memory.png)\n");
	}

	@Test
	void shouldRefuseToReplaceAPublishedRunUnlessTold() throws Exception {
		Path run = smallRun();
		Path docs = this.dir.resolve("results");
		Files.createDirectories(docs.resolve("2026-12-02"));
		Files.writeString(docs.resolve("2026-12-02").resolve("summary.md"), "an earlier run");

		assertThat(publish(run.toString(), "--into", docs.toString(), "--date", "2026-12-02")).isEqualTo(2);
		assertThat(docs.resolve("2026-12-02").resolve("summary.md")).content().isEqualTo("an earlier run");
	}

	@Test
	void shouldRefuseAFolderWithoutResultsAndADateThatIsNotADay() throws Exception {
		assertThat(publish(this.dir.toString())).isEqualTo(2);
		Path run = smallRun();
		assertThat(publish(run.toString(), "--into", this.dir.resolve("out").toString(), "--date", "yesterday"))
			.isEqualTo(2);
		assertThat(this.dir.resolve("out")).doesNotExist();
	}

	@Test
	void shouldRefuseASmokeRunWhichGivesNoVerdicts() throws Exception {
		Path run = smallRun();
		ObjectNode json = (ObjectNode) ResultsJson.mapper().readTree(run.resolve("results.json").toFile());
		((ObjectNode) json.get("manifest")).put("profile", "smoke").put("verdictsWithheld", true);
		ResultsJson.mapper().writeValue(run.resolve("results.json").toFile(), json);

		assertThat(publish(run.toString(), "--into", this.dir.resolve("out").toString())).isEqualTo(2);
		assertThat(this.dir.resolve("out")).doesNotExist();
	}

	/** The invented fixture's footprints, microbenchmarks and code metrics only. */
	private Path smallRun() throws Exception {
		ObjectNode json = (ObjectNode) ResultsJson.mapper()
			.readTree(Path.of("src/test/resources/fixtures/results-report.json").toFile());
		json.putArray("scenarios");
		((ObjectNode) json.get("manifest")).putArray("scenarios");
		Path run = Files.createDirectories(this.dir.resolve("run"));
		ResultsJson.mapper().writeValue(run.resolve("results.json").toFile(), json);
		return run;
	}

	private static int publish(String... arguments) {
		return new CommandLine(new PublishCommand()).execute(arguments);
	}

}
