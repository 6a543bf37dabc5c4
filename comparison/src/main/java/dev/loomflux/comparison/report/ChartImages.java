package dev.loomflux.comparison.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.loomflux.comparison.results.ResultsJson;
import tools.jackson.databind.JsonNode;

/**
 * PNG images of a report's charts, one per chart, for pages that cannot run the report's
 * script (the README on GitHub). Each is a screenshot of {@code report.html#chart=<id>},
 * where the page's script draws that chart alone, filling the window; Chart.js draws
 * without animation, so the chart is complete when the page has loaded.
 */
public final class ChartImages {

	/** 16:9, wide enough for a legend of five variants on one line. */
	static final int WIDTH = 960;

	static final int HEIGHT = 540;

	private static final Pattern DATA = Pattern
		.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

	private ChartImages() {
	}

	/**
	 * A chart of the report.
	 *
	 * @param id its canvas id, also the image's file name
	 * @param title its heading
	 */
	public record Chart(String id, String title) {

		public String file() {
			return this.id + ".png";
		}

	}

	/** The report's charts in page order, read from the data its script draws from. */
	public static List<Chart> charts(Path report) throws IOException {
		Matcher data = DATA.matcher(Files.readString(report, StandardCharsets.UTF_8));
		if (!data.find()) {
			throw new IOException(report + " has no report-data: not a loomflux report");
		}
		List<Chart> charts = new ArrayList<>();
		for (JsonNode chart : ResultsJson.mapper().readTree(data.group(1))) {
			charts.add(new Chart(chart.path("id").asString(), chart.path("title").asString()));
		}
		return charts;
	}

	/** Renders every chart of the report into {@code folder}, one PNG each. */
	public static List<Chart> renderAll(Chromium chromium, Path report, Path folder)
			throws IOException, InterruptedException {
		Files.createDirectories(folder);
		List<Chart> charts = charts(report);
		for (Chart chart : charts) {
			render(chromium, report, chart.id(), folder.resolve(chart.file()));
		}
		return charts;
	}

	/** Renders one chart of the report into {@code png}. */
	public static void render(Chromium chromium, Path report, String id, Path png)
			throws IOException, InterruptedException {
		chromium.run("--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + WIDTH + "," + HEIGHT,
				"--screenshot=" + png.toAbsolutePath(), report.toAbsolutePath().toUri() + "#chart=" + id);
		if (!Files.isRegularFile(png)) {
			throw new IOException("chromium wrote no screenshot of chart " + id);
		}
	}

}
