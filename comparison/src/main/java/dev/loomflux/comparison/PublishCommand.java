package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.loomflux.comparison.report.ChartImages;
import dev.loomflux.comparison.report.Chromium;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./loomflux publish <results-dir>}: puts a run where the repository keeps it,
 * {@code docs/results/<date>/}: its results.json, summary.md and report.html, and one PNG
 * per chart of the report (rendered in headless Chromium) for pages that cannot run the
 * report's script, with {@code charts.md} showing them all. summary.md and report.html
 * are rendered again from results.json there, as {@link ReportCommand} does, so that
 * summary.md's links to docs/claims.md work from the published folder.
 */
@Command(name = "loomflux publish", mixinStandardHelpOptions = true, versionProvider = CompareCommand.Version.class,
		description = "Copies a run's results into docs/results/<date>/ with a PNG of every chart of its report.")
public final class PublishCommand implements Callable<Integer> {

	@Parameters(paramLabel = "RESULTS-DIR", description = "a run's folder, e.g. results/20261201-211502-full")
	Path folder;

	@Option(names = "--date", paramLabel = "YYYY-MM-DD",
			description = "the published folder's name (default: the day the run started, UTC)")
	String date;

	@Option(names = "--into", defaultValue = "docs/results",
			description = "where the dated folders are (default: ${DEFAULT-VALUE})")
	Path into;

	@Option(names = "--replace", description = "replace a folder already published under that date")
	boolean replace;

	@Override
	public Integer call() throws Exception {
		Path json = this.folder.resolve("results.json");
		if (!Files.isRegularFile(json)) {
			System.err.println("no results.json in " + this.folder);
			return 2;
		}
		Results results = ResultsJson.read(json);
		if (results.manifest() != null && results.manifest().verdictsWithheld()) {
			System.err.println(this.folder + " is a " + results.manifest().profile()
					+ " run, which gives no verdicts: only quick and full runs are published");
			return 2;
		}
		Optional<String> day = day(results);
		if (day.isEmpty()) {
			System.err.println((this.date != null) ? "--date must be a day, YYYY-MM-DD, not " + this.date
					: "the run recorded no start date: pass --date YYYY-MM-DD");
			return 2;
		}
		Path target = this.into.resolve(day.get());
		if (!this.replace && isNonEmptyFolder(target)) {
			System.err.println(target + " is already published; pass --replace to replace it, or another --date");
			return 2;
		}
		Optional<Chromium> chromium = Chromium.find();
		if (chromium.isEmpty()) {
			System.err.println("no chromium binary (CHROMIUM_BIN, chromium or chromium-browser on PATH) "
					+ "to render the charts; ./loomflux publish installs Debian's chromium as root");
			return 1;
		}
		Files.createDirectories(target);
		Files.copy(json, target.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING);
		Outputs.render(results, target);
		Path charts = target.resolve("charts");
		deletePngs(charts);
		System.out.println("rendering the charts of " + target.resolve("report.html") + " ...");
		List<ChartImages.Chart> rendered = ChartImages.renderAll(chromium.get(), target.resolve("report.html"), charts);
		Files.writeString(target.resolve("charts.md"), chartsPage(results, day.get(), rendered));
		System.out.println("published " + target + ": results.json, summary.md, report.html, charts.md and "
				+ rendered.size() + " charts in charts/");
		return 0;
	}

	/** {@code --date}, else the UTC day the run started; empty when neither is a day. */
	Optional<String> day(Results results) {
		String started = (results.manifest() != null) ? results.manifest().startedAt() : null;
		try {
			if (this.date != null) {
				return Optional.of(LocalDate.parse(this.date).toString());
			}
			return (started != null)
					? Optional.of(Instant.parse(started).atZone(ZoneOffset.UTC).toLocalDate().toString())
					: Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** Every chart of the report as an image, in the report's order. */
	static String chartsPage(Results results, String day, List<ChartImages.Chart> charts) {
		String profile = (results.manifest() != null) ? results.manifest().profile() + " profile" : "a";
		StringBuilder md = new StringBuilder("# Charts of the ").append(profile)
			.append(" run published as ")
			.append(day)
			.append("\n\nEvery chart of [report.html](report.html), rendered by `./loomflux publish` in headless Chromium. ")
			.append("The claims ledger and the conditions of the run: [summary.md](summary.md); every figure: ")
			.append("[results.json](results.json).\n");
		String section = null;
		for (ChartImages.Chart chart : charts) {
			if (!chart.section().equals(section)) {
				section = chart.section();
				md.append("\n## ").append(section).append('\n');
			}
			md.append("\n### ")
				.append(chart.title())
				.append("\n\n![")
				.append(chart.title())
				.append("](charts/")
				.append(chart.file())
				.append(")\n");
		}
		return md.toString();
	}

	private static boolean isNonEmptyFolder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findAny().isPresent();
		}
	}

	/** A replaced run's charts go, so that none of them outlives it. */
	private static void deletePngs(Path charts) throws IOException {
		if (!Files.isDirectory(charts)) {
			return;
		}
		try (Stream<Path> files = Files.list(charts)) {
			for (Path png : files.filter((file) -> file.toString().endsWith(".png")).toList()) {
				Files.delete(png);
			}
		}
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new PublishCommand()).execute(args));
	}

}
