package dev.loomflux.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {

	static Results results;

	static String html;

	@BeforeAll
	static void render() throws IOException {
		results = ReportFixture.results();
		html = ReportPage.render(results);
	}

	@Test
	void shouldInlineChartJsWithItsLicenceAndLoadNothingFromTheNetwork() {
		assertThat(html).contains("Chart.js v" + ChartJs.version(), "Released under the MIT License",
				"Permission is hereby granted, free of charge");
		assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=")
			.doesNotContainPattern("(?i)<link[^>]+href=")
			.doesNotContain("cdn.jsdelivr");
		assertThat(ChartJs.version()).isEqualTo("4.4.1");
	}

	@Test
	void shouldSayThereAreNoVerdictsWhereTheLedgerWouldBeInASmokeRun() {
		ObjectNode json = ResultsJson.mapper().valueToTree(results);
		((ObjectNode) json.get("manifest")).put("profile", "smoke").put("verdictsWithheld", true);

		String page = ReportPage.render(ResultsJson.mapper().treeToValue(json, Results.class));

		assertThat(page).contains("<h2>Claims ledger</h2>", "<p>Smoke run: no verdicts.")
			.doesNotContain("class=\"claims\"", "class=\"verdict ");
	}

	@Test
	void shouldShowTheEnvironment() {
		assertThat(html).contains("0123456789abcdef0123456789abcdef01234567", "Temurin 25+36 (test fixture)",
				"-XX:ActiveProcessorCount=1", "service under test on CPU 1", "Fixture CPU @ 2.0GHz, 2 cores",
				"bff.db.pool-size", "TEST FIXTURE: figures are invented");
	}

	@Test
	void shouldColourEachVerdict() {
		assertThat(html).contains("<span class=\"verdict supported\">supported</span>",
				"<span class=\"verdict refuted\">refuted</span>", "<span class=\"verdict depends\">it depends</span>",
				"<span class=\"verdict not-measured\">not measured</span>");
	}

	@Test
	void shouldEscapeTextFromTheResults() {
		assertThat(html).contains("Escaping probe: &lt;/script&gt;&lt;b&gt;not bold&lt;/b&gt; &amp;")
			.doesNotContain("<b>not bold</b>");
		// the page's scripts: Chart.js, the data and the page's own;
		// nothing from the results closed one early
		assertThat(html.split("(?i)</script>", -1)).hasSize(4);
	}

	@Test
	void shouldSayNotMeasuredForANullFigureNeverZero() {
		assertThat(html).contains("<td class=\"missing\">not measured</td>",
				"loom heap: not measured at 10000 in flight (gap in the chart).");
	}

	@Test
	void shouldShowTheFailureOfAFailedRun() {
		assertThat(html).contains("failed: aborted at 10000 in flight: 61 % of requests failed",
				"10000 in flight (reached in 1 of 2 repeats)");
	}

	@Test
	void shouldLinkEachRunsGatlingReport() {
		assertThat(html).contains("<a href=\"gatling/catalog-read-loom-1/index.html\">");
	}

	@Test
	void shouldMarkEachVariantsKneeAndShowTheSpreadOfRepeats() {
		assertThat(html).contains("loom knee: 6,000 req/s", "platform knee: 4,000 req/s",
				"loom knee: &gt;= 1,200 req/s".replace("&gt;", "\\u003e"));
		assertThat(html).containsPattern("<td>\\d+(\\.\\d+)? ms \\(\\d+(\\.\\d+)? ms\\.\\.\\d+(\\.\\d+)? ms\\)</td>");
	}

	@Test
	void shouldHaveASectionPerScenario() {
		for (String scenario : results.manifest().scenarios()) {
			assertThat(html).contains("<section id=\"scenario-" + scenario + "\">", "\"id\":\"" + scenario + "-p99\"");
		}
	}

	@Test
	void shouldWriteThePageToAFile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("report.html");

		ReportPage.write(results, file);

		assertThat(Files.readString(file)).isEqualTo(html);
	}

}
