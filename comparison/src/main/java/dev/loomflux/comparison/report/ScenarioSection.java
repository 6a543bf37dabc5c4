package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.report.Chart.Point;
import dev.loomflux.comparison.report.Chart.Series;
import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.comparison.results.Sample;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Scenarios;

/**
 * One scenario: its runs, charts against its load axis, percentiles, errors, time series.
 */
final class ScenarioSection {

	private static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "max");

	private static final List<Function<RequestStats, Double>> PERCENTILE_FIGURES = List.of(RequestStats::p50,
			RequestStats::p90, RequestStats::p99, RequestStats::p999, RequestStats::max);

	private final ScenarioSeries data;

	private final String id;

	private ScenarioSection(ScenarioSeries data) {
		this.data = data;
		this.id = data.scenario.replaceAll("[^A-Za-z0-9-]", "-");
	}

	static void render(Page page, String scenario, List<ScenarioRun> runs, Variants variants) {
		new ScenarioSection(new ScenarioSeries(scenario, runs, variants)).render(page);
	}

	private void render(Page page) {
		page.section("scenario-" + this.id, "Scenario: " + this.data.scenario);
		runs(page);
		List<Chart> charts = new ArrayList<>();
		charts.add(throughput());
		charts.add(p99());
		if (this.data.axis.closed()) {
			charts.add(memory());
			charts.add(threads());
		}
		if (background()) {
			charts.add(lineChart("background-throughput", "Background insights ok/s vs background CPU work", "ok/s",
					StepFigures.backgroundOkPerSecond(this.data.scenario)));
		}
		charts.add(lineChart("errors", "Failed requests vs " + this.data.axis.label(), "% of requests",
				StepFigures::errorRate));
		page.charts(charts);
		percentiles(page);
		errors(page);
		InterferenceTable.render(page, this.data);
		runFigures(page);
		page.html("<h3>Server samples during each run</h3>");
		page.charts(List.of(timeSeries("cpu", "CPU (% of the service's core)", (s) -> pct(s.cpu())),
				timeSeries("rss", "RSS (MiB)", (s) -> Format.mib(s.rssBytes())),
				timeSeries("heap", "heap used (MiB)", (s) -> Format.mib(s.heapUsedBytes())),
				timeSeries("threads", "platform threads", Sample::platformThreads)));
		page.endSection();
	}

	private void runs(Page page) {
		StringBuilder table = new StringBuilder(
				"<div class=\"scroll\"><table><thead><tr><th>variant</th><th>repeat</th><th>steps</th>"
						+ "<th>Gatling report</th><th>status</th></tr></thead><tbody>");
		for (List<ScenarioRun> runs : this.data.runs.values()) {
			for (ScenarioRun run : runs) {
				table.append("<tr><td>")
					.append(Html.text(run.variant()))
					.append("</td><td>")
					.append(run.repeat())
					.append("</td><td>")
					.append(ScenarioSeries.steps(run).size())
					.append("</td><td>")
					.append(link(run.gatlingReport()))
					.append("</td>")
					.append((run.failure() != null) ? "<td class=\"failure\">failed: " + Html.text(run.failure())
							: "<td>completed")
					.append("</td></tr>");
			}
		}
		page.html(table.append("</tbody></table></div>").toString());
	}

	/** A relative link to Gatling's report; anything with a scheme is shown as text. */
	static String link(String path) {
		if (path == null) {
			return "none";
		}
		if (path.matches("(?s)^\\s*[A-Za-z][A-Za-z0-9+.-]*:.*") || path.startsWith("//")) {
			return Html.text(path);
		}
		return "<a href=\"" + Html.text(path) + "\">" + Html.text(path) + "</a>";
	}

	private Chart throughput() {
		List<String> notes = new ArrayList<>();
		List<Series> series = new ArrayList<>(
				this.data.perVariant(StepFigures.okPerSecond(this.data.scenario), "line", "", notes));
		Optional<Double> objective = KneeMark.p99ObjectiveMs(this.data.scenario);
		if (objective.isPresent()) {
			for (String variant : this.data.runs.keySet()) {
				knee(variant, series, notes);
			}
			notes.add("Knee: the last rate passing before the first failing one (pass: < 1 % errors, ok/s >= 95 % of "
					+ "the offered rate and p99 of every request <= " + Format.ms(objective.get())
					+ "); the median over repeats.");
		}
		return chart("throughput", "Throughput (ok/s) vs " + this.data.axis.label(), "ok/s", false, series, notes);
	}

	private void knee(String variant, List<Series> series, List<String> notes) {
		Optional<KneeMark> knee = this.data.knee(variant);
		if (knee.isEmpty()) {
			return;
		}
		List<String> ofRepeats = this.data.kneesOfRepeats(variant).stream().map(KneeMark::label).toList();
		if (ofRepeats.stream().distinct().count() > 1) {
			notes.add(variant + ": knees of the repeats: " + String.join(", ", ofRepeats) + ".");
		}
		if (knee.get().step() == null) {
			notes.add(variant + ": knee below the lowest step (no step met the objectives).");
			return;
		}
		double x = knee.get().step().offeredRate();
		if (knee.get().highestStep()) {
			notes.add(variant + ": knee not reached (" + knee.get().label()
					+ "): the search stopped before this variant missed an objective.");
		}
		Spread okPerSecond = this.data.spread(variant, x, StepFigures.okPerSecond(this.data.scenario));
		series.add(new Series(variant + " knee: " + knee.get().label(), this.data.variants.color(variant), "marker",
				List.of(Point.of(x, okPerSecond))));
	}

	/** Whether the scenario keeps background work in flight (cpu-neighbour). */
	private boolean background() {
		return Scenarios.named(this.data.scenario).backgroundRequest().isPresent();
	}

	private Chart p99() {
		List<String> notes = new ArrayList<>();
		boolean neighbour = background();
		List<Series> series = new ArrayList<>(
				this.data.perVariant(StepFigures.worstP99(this.data.scenario), "line", "", notes));
		KneeMark.p99ObjectiveMs(this.data.scenario).ifPresent((objective) -> {
			TreeSet<Double> xs = new TreeSet<>();
			this.data.runs.keySet().forEach((variant) -> xs.addAll(this.data.xs(variant)));
			if (!xs.isEmpty()) {
				series.add(new Series("objective " + Format.ms(objective), "#888888", "objective", List
					.of(new Point(xs.first(), objective, null, null), new Point(xs.last(), objective, null, null))));
			}
		});
		notes.add(neighbour ? "Foreground requests only; the background insights requests are left out."
				: "The p99 of the slowest request name of each step.");
		String title = neighbour ? "Foreground p99 vs background CPU work" : "p99 vs " + this.data.axis.label();
		return chart("p99", title, "ms (log)", true, series, notes);
	}

	private Chart memory() {
		List<String> notes = new ArrayList<>();
		List<Series> series = new ArrayList<>(
				this.data.perVariant(StepFigures.serverMib(ServerStats::rssBytes), "line", " RSS", notes));
		series
			.addAll(this.data.perVariant(StepFigures.serverMib(ServerStats::heapUsedBytes), "dashed", " heap", notes));
		return chart("memory", "Memory (peak RSS, dashed: peak heap) vs " + this.data.axis.label(), "MiB", false,
				series, notes);
	}

	private Chart threads() {
		return lineChart("threads", "Platform threads vs " + this.data.axis.label(), "live platform threads",
				StepFigures.server(ServerStats::platformThreads));
	}

	private Chart lineChart(String name, String title, String yLabel, Function<Step, Double> figure) {
		List<String> notes = new ArrayList<>();
		return chart(name, title, yLabel, false, this.data.perVariant(figure, "line", "", notes), notes);
	}

	private Chart chart(String name, String title, String yLabel, boolean yLog, List<Series> series,
			List<String> notes) {
		return new Chart(this.id + "-" + name, title, "line", this.data.axis.label(),
				this.data.axis.log(this.data.allSteps()), yLabel, yLog, series, notes);
	}

	private void percentiles(Page page) {
		page.html("<h3>Latency percentiles (client side; server p99 from Micrometer alongside)</h3>");
		boolean knees = KneeMark.p99ObjectiveMs(this.data.scenario).isPresent();
		page.paragraph("Each variant at " + (knees ? "its knee, or where it has none at " : "")
				+ "the highest step every variant ran; the step is named in each row. Median (min..max) over repeats. "
				+ "p50 to max: successes only; p99 all requests: failures too, each at the time it took.");
		List<List<String>> rows = new ArrayList<>();
		List<Series> bars = new ArrayList<>();
		String primary = null;
		for (String variant : this.data.runs.keySet()) {
			Optional<Double> x = this.data.comparisonX(variant);
			if (x.isEmpty()) {
				rows.add(List.of(variant, "no step ran", "", "", "", "", "", "", "", ""));
				continue;
			}
			boolean atKnee = this.data.knee(variant).map((k) -> k.step() != null).orElse(false);
			List<Step> steps = this.data.stepsAt(variant, x.get());
			int repeats = this.data.runs.get(variant).size();
			String where = this.data.stepLabel(variant, x.get()) + (atKnee ? " (knee)" : "")
					+ ((steps.size() < repeats) ? " (reached in " + steps.size() + " of " + repeats + " repeats)" : "");
			List<String> names = steps.stream()
				.flatMap((step) -> (step.requests() != null) ? step.requests().keySet().stream()
						: java.util.stream.Stream.<String>empty())
				.distinct()
				.toList();
			for (String name : names) {
				List<String> row = new ArrayList<>(List.of(variant, where, name));
				PERCENTILE_FIGURES
					.forEach((f) -> row.add(Spread.format(Spread.of(steps, StepFigures.request(name, f)), Format::ms)));
				row.add(Spread.format(Spread.of(steps, StepFigures.request(name, RequestStats::allP99)), Format::ms));
				row.add(Spread.format(Spread.of(steps, StepFigures.server(ServerStats::serverP99Ms)), Format::ms));
				rows.add(row);
			}
			if (primary == null) {
				primary = names.stream()
					.filter((name) -> !StepFigures.isBackground(this.data.scenario, name))
					.findFirst()
					.orElse(null);
			}
			String request = primary;
			List<Point> points = new ArrayList<>();
			for (int i = 0; i < PERCENTILES.size(); i++) {
				Spread spread = Spread.of(steps, StepFigures.request(request, PERCENTILE_FIGURES.get(i)));
				points.add(Point.of(PERCENTILES.get(i), spread));
			}
			bars.add(new Series(variant + " at " + where, this.data.variants.color(variant), "line", points));
		}
		page.table(List.of("variant", "step", "request", "p50", "p90", "p99", "p99.9", "max", "p99 all requests",
				"server p99 (all)"), rows);
		List<String> notes = bars.stream()
			.filter((s) -> s.points().stream().anyMatch((p) -> p.y() == null))
			.map((s) -> s.label() + ": a percentile was not measured (no bar).")
			.toList();
		page.charts(List.of(new Chart(this.id + "-percentiles",
				"Latency percentiles of \"" + Objects.requireNonNullElse(primary, "-") + "\"", "bar", "percentile",
				false, "ms (log)", true, bars, notes)));
	}

	private void errors(Page page) {
		List<List<String>> rows = new ArrayList<>();
		for (List<ScenarioRun> runs : this.data.runs.values()) {
			for (ScenarioRun run : runs) {
				for (Step step : ScenarioSeries.steps(run)) {
					Map<String, RequestStats> requests = (step.requests() != null) ? step.requests() : Map.of();
					requests.forEach((name, stats) -> {
						if (stats.ko() > 0) {
							rows.add(List.of(this.data.runLabel(run), step.label(), name, String.valueOf(stats.ko()),
									String.valueOf(stats.ok()), errorCounts(stats.errors())));
						}
					});
				}
			}
		}
		page.html("<h3>Errors</h3>");
		if (rows.isEmpty()) {
			page.paragraph("No failed requests in any step.");
			return;
		}
		page.table(List.of("run", "step", "request", "ko", "ok", "by status"), rows);
	}

	private void runFigures(Page page) {
		TreeSet<String> names = new TreeSet<>();
		this.data.runs.values()
			.forEach((runs) -> runs.stream()
				.filter((run) -> run.figures() != null)
				.forEach((run) -> names.addAll(run.figures().keySet())));
		if (names.isEmpty()) {
			return;
		}
		page.html("<h3>Figures of the whole run</h3>");
		List<String> header = new ArrayList<>(List.of("figure"));
		header.addAll(this.data.runs.keySet());
		List<List<String>> rows = new ArrayList<>();
		for (String name : names) {
			List<String> row = new ArrayList<>(List.of(name));
			java.util.function.DoubleFunction<String> unit = name.contains("Bytes") ? Format::bytes : Format::number;
			for (List<ScenarioRun> runs : this.data.runs.values()) {
				Spread spread = Spread.of(runs, (run) -> (run.figures() != null) ? run.figures().get(name) : null);
				row.add(Spread.format(spread, unit));
			}
			rows.add(row);
		}
		page.table(header, rows);
	}

	private Chart timeSeries(String name, String yLabel, Function<Sample, Double> figure) {
		List<Series> series = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (List<ScenarioRun> runs : this.data.runs.values()) {
			for (ScenarioRun run : runs) {
				List<Sample> samples = (run.series() != null) ? run.series() : List.of();
				List<Point> points = samples.stream()
					.map((sample) -> new Point(sample.seconds(), figure.apply(sample), null, null))
					.toList();
				if (points.isEmpty() || points.stream().allMatch((p) -> p.y() == null)) {
					notes.add(this.data.runLabel(run) + ": not measured.");
				}
				else if (points.stream().anyMatch((p) -> p.y() == null)) {
					notes.add(this.data.runLabel(run) + ": some samples not measured (gaps).");
				}
				series.add(new Series(this.data.runLabel(run), this.data.variants.color(run.variant()),
						(run.repeat() > 1) ? "dashed" : "line", points));
			}
		}
		return new Chart(this.id + "-series-" + name, yLabel + " over time", "line", "seconds since the run began",
				false, yLabel, false, series, notes);
	}

	private static String errorCounts(Map<String, Long> errors) {
		if (errors == null || errors.isEmpty()) {
			return Format.NOT_MEASURED;
		}
		return String.join(", ", errors.entrySet().stream().map((e) -> e.getKey() + ": " + e.getValue()).toList());
	}

	private static Double pct(Double share) {
		return (share != null) ? share * 100 : null;
	}

}
