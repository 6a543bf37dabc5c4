package dev.loomflux.comparison.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;

/**
 * report.html: one self-contained page (Chart.js, the figures as JSON and the page's
 * script inlined, no network) rendered from a comparison run's {@link Results}.
 */
public final class ReportPage {

	private ReportPage() {
	}

	/** Renders the results into {@code file}, replacing it. */
	public static void write(Results results, Path file) throws IOException {
		Files.writeString(file, render(results), StandardCharsets.UTF_8);
	}

	static String render(Results results) {
		Variants variants = Variants.of(results);
		Page page = new Page();
		List<String> scenarios = results.scenarioNames();
		page.html(contents(scenarios));
		SummarySections.environment(page, results.manifest());
		SummarySections.claims(page, results, variants);
		List<ScenarioRun> runs = (results.scenarios() != null) ? results.scenarios() : List.of();
		for (String scenario : scenarios) {
			ScenarioSection.render(page, scenario,
					runs.stream().filter((run) -> run.scenario().equals(scenario)).toList(), variants);
		}
		OutsideHttpSections.footprints(page, results.footprints(), variants);
		OutsideHttpSections.microbenchmarks(page, results.microbenchmarks());
		OutsideHttpSections.codeMetrics(page, results.codeMetrics());
		return document(results, page);
	}

	private static String contents(List<String> scenarios) {
		StringBuilder nav = new StringBuilder(
				"<nav><a href=\"#environment\">Environment</a> <a href=\"#claims\">Claims</a>");
		for (String scenario : scenarios) {
			nav.append(" <a href=\"#scenario-")
				.append(Html.text(scenario.replaceAll("[^A-Za-z0-9-]", "-")))
				.append("\">")
				.append(Html.text(scenario))
				.append("</a>");
		}
		return nav.append(" <a href=\"#footprints\">Footprints</a> <a href=\"#microbenchmarks\">Microbenchmarks</a>")
			.append(" <a href=\"#code\">Code</a></nav>")
			.toString();
	}

	private static String document(Results results, Page page) {
		String title = "loomflux comparison" + ((results.manifest() != null)
				? ": " + results.manifest().profile() + " profile, " + results.manifest().startedAt() : "");
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<style>
				%s</style>
				</head>
				<body>
				<header><h1>%s</h1><p>Client-side latencies from Gatling (from the scheduled send time), \
				server-side figures scraped from each service. "not measured" means the figure is missing, never zero.</p></header>
				<main>
				%s</main>
				<footer>Charts drawn with Chart.js %s (MIT licence, inlined below).</footer>
				<script type="application/json" id="report-data">%s</script>
				<script>
				%s
				</script>
				<script>
				%s</script>
				</body>
				</html>
				"""
			.formatted(Html.text(title), resource("report.css"), Html.text(title), page.body(),
					Html.text(ChartJs.version()), Html.json(page.charts()), ChartJs.script(),
					Html.inlineScript(resource("report.js")));
	}

	private static String resource(String name) {
		try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the report package's resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
