package dev.loomflux.comparison.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.scenario.CatalogRead;
import dev.loomflux.comparison.scenario.HomeFanout;
import dev.loomflux.comparison.scenario.Mixed;
import dev.loomflux.comparison.scenario.Scenario;
import dev.loomflux.comparison.scenario.Scenarios;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;

/**
 * Writes {@code summary.md}: the conditions, the claims ledger, the thresholds, a short
 * table per scenario and the notes. The ledger is {@link Results#claims()} when the run
 * computed it, else {@link Ledger#evaluate(Results)}; a smoke run's is
 * {@link #NO_VERDICTS}. Each claim links to its section of {@code docs/claims.md}, which
 * explains it.
 */
public final class SummaryWriter {

	/**
	 * {@code docs/claims.md} as seen from {@code results/<run>/}, where
	 * {@code ./loomflux compare} writes by default.
	 */
	static final String CLAIMS_DOC = "../../docs/claims.md";

	/**
	 * The ledger of a run whose profile withholds verdicts (smoke): its figures show that
	 * each part ran, not how the variants compare.
	 */
	public static final String NO_VERDICTS = "Smoke run: no verdicts. The smoke profile runs every scenario once, "
			+ "one short step each after a warm-up cut short, to try the pipeline; its figures decide no claim. "
			+ "Run the quick or full profile for the ledger.";

	private SummaryWriter() {
	}

	public static void write(Results results, Path file) throws IOException {
		Files.writeString(file, render(results, claimsDoc(file.toAbsolutePath().getParent())));
	}

	/**
	 * The path from {@code folder} to the checkout's {@code docs/claims.md}, so that the
	 * links work wherever {@code --results} put the run. The checkout is the working
	 * directory of {@code ./loomflux compare}, or its parent for a test run in a module;
	 * {@link #CLAIMS_DOC} when neither has the file.
	 */
	static String claimsDoc(Path folder) {
		Path here = Path.of("").toAbsolutePath();
		for (Path checkout : Arrays.asList(here, here.getParent())) {
			Path doc = (checkout != null) ? checkout.resolve("docs").resolve("claims.md") : null;
			if (doc != null && Files.isRegularFile(doc)) {
				return folder.toAbsolutePath().normalize().relativize(doc.normalize()).toString().replace('\\', '/');
			}
		}
		return CLAIMS_DOC;
	}

	static String render(Results results) {
		return render(results, CLAIMS_DOC);
	}

	static String render(Results results, String claimsDoc) {
		Evidence evidence = new Evidence(results);
		StringBuilder md = new StringBuilder();
		md.append("# loomflux: virtual threads vs event loop, the claims ledger\n\n");
		md.append(conditions(results.manifest())).append("\n\n");
		md.append("## Claims ledger\n\n");
		if (results.manifest() != null && results.manifest().verdictsWithheld()) {
			md.append(NO_VERDICTS).append("\n");
		}
		else {
			ledger(results, claimsDoc, md);
		}
		md.append("\n## Scenarios\n");
		for (String scenario : results.scenarioNames()) {
			md.append("\n### ").append(scenario).append("\n\n");
			md.append(scenarioTable(evidence, scenario, results.variantNames()));
			md.append(RunConditions.table(evidence, scenario, results.variantNames()));
		}
		md.append("\n## Notes\n\n");
		for (String note : notes(results)) {
			md.append("- ").append(oneLine(note)).append('\n');
		}
		return md.toString();
	}

	/** The claims ledger and the thresholds its verdicts were computed by. */
	private static void ledger(Results results, String claimsDoc, StringBuilder md) {
		List<ClaimVerdict> claims = (results.claims() != null && !results.claims().isEmpty()) ? results.claims()
				: Ledger.evaluate(results);
		md.append("Each claim links to its section of [docs/claims.md](")
			.append(claimsDoc)
			.append("): the claim and its source, the experiment, the rule and what the rule cannot tell.\n\n");
		md.append("| claim | source | experiment | figures per variant | verdict | why |\n");
		md.append("|---|---|---|---|---|---|\n");
		for (ClaimVerdict claim : claims) {
			String text = "**[" + claim.id() + "](" + claimsDoc + "#" + claim.id().toLowerCase(Locale.ROOT) + ")** "
					+ claim.claim() + ((claim.translation() != null) ? "<br>*Java:* " + claim.translation() : "");
			md.append("| ")
				.append(cell(text))
				.append(" | ")
				.append(cell(Ledger.source(claim.id())))
				.append(" | ")
				.append(cell(claim.experiment()))
				.append(" | ")
				.append(cell(figures(claim.figures())))
				.append(" | **")
				.append(cell(claim.verdict()))
				.append("** | ")
				.append(cell(claim.why()))
				.append(" |\n");
		}
		md.append("\n## Thresholds\n\n");
		md.append(
				"Each verdict is computed by the rule below; with repeats on medians across repeats, quoted as median (min..max). ")
			.append("A figure that is missing gives \"not measured\", never a verdict computed from zero.\n\n");
		md.append("- [Knee](").append(claimsDoc).append("#the-knee)");
		md.append(String.format(Locale.ROOT,
				": the last offered rate passing before the first failing one (refined by bisection and confirmed; a rate read more than once passes by a majority of its readings, a tie fails it); a step passes with errors < %.0f %%, ok/s >= %.0f %% of the offered rate and the p99 of every request name within the objective "
						+ "(catalog-read %.0f ms, home-fanout %.0f ms, mixed %.0f ms); \">= X\" when the highest step passed (not reached), \">= X (load generator limit)\" or \">= X (interference)\" when an invalid step ended the search, \"below X\" when the lowest failed.\n",
				Knee.MAX_ERROR_RATE_PERCENT, Knee.MIN_THROUGHPUT_PERCENT, objective(CatalogRead.NAME),
				objective(HomeFanout.NAME), objective(Mixed.NAME)));
		for (ClaimVerdict claim : claims) {
			md.append("- [")
				.append(claim.id())
				.append("](")
				.append(claimsDoc)
				.append('#')
				.append(claim.id().toLowerCase(Locale.ROOT))
				.append("): ")
				.append(oneLine(claim.rule()))
				.append('\n');
		}
	}

	private static String conditions(Manifest manifest) {
		if (manifest == null) {
			return "Conditions: not measured (the run recorded no manifest).";
		}
		return String.format(Locale.ROOT,
				"Profile **%s** (%d repeat%s), commit %s%s, JDK %s, service pinned to CPU(s) %s and Gatling with the downstream stub to %s, "
						+ "%s with %d cores and %s of memory, 1-minute load average %s at the start, started %s%s.",
				manifest.profile(), manifest.repeats(), (manifest.repeats() == 1) ? "" : "s",
				orNotRecorded(manifest.gitCommit()), manifest.gitDirty() ? " (with uncommitted changes)" : "",
				orNotRecorded(manifest.jdk()), orNotRecorded(manifest.serviceCpus()),
				orNotRecorded(manifest.loadCpus()), orNotRecorded(manifest.cpuModel()), manifest.cores(),
				Format.bytes(manifest.memoryBytes()),
				Format.orNotMeasured(manifest.loadAverageAtStart(), (v) -> String.format(Locale.ROOT, "%.2f", v)),
				orNotRecorded(manifest.startedAt()),
				(manifest.durationSeconds() != null) ? ", lasted " + Format.seconds(manifest.durationSeconds()) : "")
				+ kernelPath(manifest) + RunConditions.rules(manifest.interference());
	}

	/** The calibrations at the start and the end, or nothing for runs without. */
	private static String kernelPath(Manifest manifest) {
		if (manifest.calibration() == null) {
			return "";
		}
		return " Kernel path at the start: " + manifest.calibration().text()
				+ ((manifest.calibrationAtEnd() != null) ? "; at the end: " + manifest.calibrationAtEnd().text() : "")
				+ " (docs/comparison.md#machines).";
	}

	/** Its columns come from the scenario's type. */
	private static String scenarioTable(Evidence evidence, String name, List<String> variants) {
		Scenario scenario = Scenarios.named(name);
		List<String> header = scenario.summaryHeader();
		StringBuilder md = new StringBuilder("| variant | ").append(String.join(" | ", header)).append(" |\n|---");
		md.append("|---".repeat(header.size())).append("|\n");
		for (String variant : variants) {
			List<String> cells = evidence.runs(name, variant).isEmpty() ? notMeasured(header.size())
					: scenario.summaryRow(evidence, variant);
			md.append("| ").append(variant);
			for (String value : cells) {
				md.append(" | ").append(cell(value));
			}
			md.append(" |\n");
		}
		return md.toString();
	}

	private static double objective(String scenario) {
		return Scenarios.named(scenario).p99ObjectiveMs().orElseThrow();
	}

	private static List<String> notMeasured(int columns) {
		return java.util.Collections.nCopies(columns, Format.NOT_MEASURED);
	}

	/**
	 * A load generator this busy sends late and reads answers late, and open-model
	 * latencies count from the scheduled send: the run may show Gatling's limit, not the
	 * service's.
	 */
	static final double BUSY_LOAD_GENERATOR = 0.8;

	/**
	 * Says so when the load generator used at least {@link #BUSY_LOAD_GENERATOR} of its
	 * cores over the run (its engine's start and report included).
	 */
	static java.util.Optional<String> loadGeneratorNote(ScenarioRun run, int loadCores) {
		Double share = (run.figures() != null) ? run.figures().get("loadGeneratorCpuShare") : null;
		if (share == null || share < BUSY_LOAD_GENERATOR * loadCores) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(String.format(java.util.Locale.ROOT,
				"%s on %s (repeat %d): the load generator used %.2f of its %d core(s): its own CPU may have limited this run, not the service's",
				run.scenario(), run.variant(), run.repeat(), share, loadCores));
	}

	/** How many CPUs the load was pinned to ("0", "0-1", "0,2"); 1 when unknown. */
	static int loadCores(String cpus) {
		if (cpus == null || cpus.isBlank()) {
			return 1;
		}
		int count = 0;
		for (String part : cpus.split(",")) {
			String[] range = part.trim().split("-");
			count += (range.length == 2) ? Integer.parseInt(range[1].trim()) - Integer.parseInt(range[0].trim()) + 1
					: 1;
		}
		return Math.max(count, 1);
	}

	private static List<String> notes(Results results) {
		List<String> notes = new ArrayList<>();
		if (results.manifest() != null && results.manifest().notes() != null) {
			notes.addAll(results.manifest().notes());
		}
		if (results.scenarios() != null) {
			for (ScenarioRun run : results.scenarios()) {
				if (run.failure() != null) {
					notes.add(run.scenario() + " on " + run.variant() + " (repeat " + run.repeat() + "): "
							+ run.failure());
				}
				else if (run.steps() == null || run.steps().isEmpty()) {
					notes.add(run.scenario() + " on " + run.variant() + " (repeat " + run.repeat()
							+ "): no steps, not measured");
				}
				loadGeneratorNote(run, loadCores((results.manifest() != null) ? results.manifest().loadCpus() : null))
					.ifPresent(notes::add);
			}
		}
		notes.addAll(RunConditions.interferenceNotes(results));
		if (results.microbenchmarks() == null) {
			notes.add("Microbenchmarks: not measured (they did not run).");
		}
		else {
			if (results.microbenchmarks().failure() != null) {
				notes.add("Microbenchmarks: " + results.microbenchmarks().failure());
			}
			if (results.microbenchmarks().conditions() != null) {
				notes.add("Microbenchmarks measured with " + results.microbenchmarks().conditions());
			}
		}
		if (results.codeMetrics() == null || results.codeMetrics().isEmpty()) {
			notes.add("Code metrics (C13): not measured.");
		}
		else {
			notes
				.add("Code metrics (C13) count the feature packages of both services with JavaParser: non-blank non-comment lines, "
						+ "deepest nesting of blocks and lambdas inside a method, Reactor operator calls (no type resolution).");
		}
		notes.add("Context switches (C12): not measured; the results carry no such figure.");
		notes.add(
				"Client-side latencies (Gatling) decide every verdict; server-side p99 is in results.json and report.html.");
		return notes;
	}

	private static String figures(Map<String, String> figures) {
		if (figures == null || figures.isEmpty()) {
			return Format.NOT_MEASURED;
		}
		List<String> lines = new ArrayList<>();
		figures.forEach(
				(variant, text) -> lines.add("**" + variant + "**: " + ((text != null) ? text : Format.NOT_MEASURED)));
		return String.join("<br>", lines);
	}

	private static String cell(String text) {
		return (text == null) ? "" : oneLine(text).replace("|", "\\|");
	}

	private static String oneLine(String text) {
		return text.replace("\r", " ").replace("\n", " ");
	}

	private static String orNotRecorded(String value) {
		return (value != null && !value.isBlank()) ? value : "not recorded";
	}

}
