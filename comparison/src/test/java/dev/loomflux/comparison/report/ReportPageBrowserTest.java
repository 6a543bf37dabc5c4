package dev.loomflux.comparison.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens each fixture's page (the invented one and a recorded run) in headless Chromium:
 * the page's script must draw every chart without a JavaScript error, and one chart alone
 * for its image. Set {@code CHROMIUM_BIN} to use another binary; without one the test is
 * skipped ({@code ./loomflux test} installs Debian's chromium).
 */
class ReportPageBrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { ReportFixture.INVENTED, ReportFixture.RECORDED })
	void shouldDrawEveryChartWithoutJavaScriptErrors(String fixture, @TempDir Path dir) throws Exception {
		Chromium chromium = chromium();
		Path page = dir.resolve("report.html");
		ReportPage.write(ReportFixture.results(fixture), page);

		String dom = chromium.run("--dump-dom", page.toUri().toString());

		String body = bodyTag(dom);
		assertThat(attribute(body, "data-errors")).as("JavaScript errors").isEmpty();
		String expected = attribute(body, "data-expected-charts");
		assertThat(Integer.parseInt(expected)).isGreaterThan(ReportFixture.SCENARIOS * 7);
		assertThat(attribute(body, "data-charts")).isEqualTo(expected);
		List<String> ids = List.of(attribute(body, "data-chart-ids").split(" "));
		for (String scenario : List.of("catalog-read", "home-fanout", "concurrency-sweep", "cpu-neighbour", "orders",
				"mixed", "connections")) {
			assertThat(ids).contains(scenario + "-throughput", scenario + "-p99", scenario + "-percentiles",
					scenario + "-errors", scenario + "-series-cpu", scenario + "-series-rss", scenario + "-series-heap",
					scenario + "-series-threads");
		}
		assertThat(ids).contains("concurrency-sweep-memory", "concurrency-sweep-threads", "connections-memory",
				"connections-threads", "cpu-neighbour-background-throughput", "footprint-idle-memory",
				"footprint-warmup", "micro-handoff", "micro-parked", "code-lines");
		String screenshot = System.getProperty("report.screenshot");
		if (screenshot != null) {
			chromium.run("--window-size=1366,3000", "--screenshot=" + Path.of(screenshot).toAbsolutePath(),
					page.toUri().toString());
		}
	}

	@Test
	void shouldDrawOneChartAloneFillingTheWindowForItsImage(@TempDir Path dir) throws Exception {
		Chromium chromium = chromium();
		Path page = dir.resolve("report.html");
		ReportPage.write(ReportFixture.results(), page);

		String dom = chromium.run("--window-size=960,540", "--dump-dom",
				page.toUri() + "#chart=catalog-read-throughput");

		String body = bodyTag(dom);
		assertThat(attribute(body, "data-errors")).as("JavaScript errors").isEmpty();
		assertThat(attribute(body, "data-charts")).isEqualTo("1");
		assertThat(attribute(body, "data-chart-ids")).isEqualTo("catalog-read-throughput");
		assertThat(body).contains("single-chart");
		assertThat(dom).doesNotContain("<nav>", "id=\"claims\"")
			.contains("catalog-read: ", "loomflux comparison: full profile");
	}

	/** Skips the test, saying why, when there is no chromium here. */
	static Chromium chromium() {
		Optional<Chromium> chromium = Chromium.find();
		assumeTrue(chromium.isPresent(),
				"no chromium binary (CHROMIUM_BIN, chromium or chromium-browser on PATH): the browser check is skipped");
		return chromium.get();
	}

	static String bodyTag(String dom) {
		Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
		assertThat(body.find()).as("a <body> in the dumped DOM").isTrue();
		return body.group();
	}

	static String attribute(String tag, String name) {
		Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
		assertThat(value.find()).as("%s on <body>", name).isTrue();
		return value.group(1);
	}

}
