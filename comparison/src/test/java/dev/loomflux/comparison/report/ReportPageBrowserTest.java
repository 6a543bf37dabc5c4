package dev.loomflux.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens each fixture's page (the invented one and a recorded run) in headless Chromium:
 * the page's script must draw every chart without a JavaScript error. Set
 * {@code CHROMIUM_BIN} to use another binary; without one the test is skipped
 * ({@code ./loomflux test} installs Debian's chromium).
 */
class ReportPageBrowserTest {

	@ParameterizedTest
	@ValueSource(strings = { ReportFixture.INVENTED, ReportFixture.RECORDED })
	void shouldDrawEveryChartWithoutJavaScriptErrors(String fixture, @TempDir Path dir) throws Exception {
		Path chromium = chromium();
		assumeTrue(chromium != null,
				"no chromium binary (CHROMIUM_BIN, chromium or chromium-browser on PATH): the browser check is skipped");
		Path page = dir.resolve("report.html");
		ReportPage.write(ReportFixture.results(fixture), page);

		String dom = run(chromium, dir, "--dump-dom", page.toUri().toString());

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
			run(chromium, dir, "--window-size=1366,3000", "--screenshot=" + Path.of(screenshot).toAbsolutePath(),
					page.toUri().toString());
		}
	}

	private static String run(Path chromium, Path dir, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--virtual-time-budget=10000"));
		command.addAll(List.of(arguments));
		Path out = dir.resolve("chromium.out");
		Process process = new ProcessBuilder(command).redirectErrorStream(false)
			.redirectOutput(out.toFile())
			.redirectError(dir.resolve("chromium.err").toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("chromium did not finish within 120 s");
		}
		assertThat(process.exitValue())
			.as("chromium exit code; stderr: %s", Files.readString(dir.resolve("chromium.err")))
			.isZero();
		return Files.readString(out);
	}

	private static String bodyTag(String dom) {
		Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
		assertThat(body.find()).as("a <body> in the dumped DOM").isTrue();
		return body.group();
	}

	private static String attribute(String tag, String name) {
		Matcher value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
		assertThat(value.find()).as("%s on <body>", name).isTrue();
		return value.group(1);
	}

	private static Path chromium() {
		String configured = System.getenv("CHROMIUM_BIN");
		if (configured != null && Files.isExecutable(Path.of(configured))) {
			return Path.of(configured);
		}
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(":"))
			.flatMap((folder) -> Stream.of("chromium", "chromium-browser").map((name) -> Path.of(folder, name)))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
	}

}
