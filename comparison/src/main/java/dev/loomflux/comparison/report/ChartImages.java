package dev.loomflux.comparison.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/** The page's section headings and chart canvases, in page order. */
	private static final Pattern SECTION_OR_CANVAS = Pattern.compile("<h2>([^<]*)</h2>|<canvas id=\"([^\"]*)\"");

	private ChartImages() {
	}

	/**
	 * A chart of the report.
	 *
	 * @param id its canvas id, also the image's file name
	 * @param title its heading
	 * @param section the heading of the report's section it is in
	 */
	public record Chart(String id, String title, String section) {

		public String file() {
			return this.id + ".png";
		}

	}

	/** The report's charts in page order, read from the data its script draws from. */
	public static List<Chart> charts(Path report) throws IOException {
		String html = Files.readString(report, StandardCharsets.UTF_8);
		Matcher data = DATA.matcher(html);
		if (!data.find()) {
			throw new IOException(report + " has no report-data: not a loomflux report");
		}
		Map<String, String> sections = sections(html);
		List<Chart> charts = new ArrayList<>();
		for (JsonNode chart : ResultsJson.mapper().readTree(data.group(1))) {
			String id = chart.path("id").asString();
			charts.add(new Chart(id, chart.path("title").asString(), sections.getOrDefault(id, "")));
		}
		return charts;
	}

	/** Canvas id -> the text of the last section heading before it. */
	private static Map<String, String> sections(String html) {
		Map<String, String> sections = new HashMap<>();
		String section = "";
		Matcher tags = SECTION_OR_CANVAS.matcher(html);
		while (tags.find()) {
			if (tags.group(1) != null) {
				section = unescape(tags.group(1));
			}
			else {
				sections.put(unescape(tags.group(2)), section);
			}
		}
		return sections;
	}

	/** The reverse of {@link Html#text}. */
	private static String unescape(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
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
