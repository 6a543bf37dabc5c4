package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.ledger.SummaryWriter;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.results.Results;

/** The two sections a reader needs first: the conditions of the run and the verdicts. */
final class SummarySections {

	private SummarySections() {
	}

	static void environment(Page page, Manifest manifest) {
		page.section("environment", "Environment");
		if (manifest == null) {
			page.paragraph("The results have no manifest: the conditions of the run are not known.").endSection();
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("profile", manifest.profile() + ", " + manifest.repeats() + " repeat(s) per run"));
		rows.add(List.of("commit", manifest.gitCommit() + (manifest.gitDirty() ? " (uncommitted changes)" : "")));
		rows.add(List.of("started", text(manifest.startedAt()) + ", took "
				+ Format.orNotMeasured(manifest.durationSeconds(), Format::seconds)));
		rows.add(List.of("JDK", text(manifest.jdk())));
		rows.add(List.of("JVM flags", join(manifest.jvmFlags(), " ")));
		rows.add(List.of("pinning", "service under test on CPU " + text(manifest.serviceCpus())
				+ "; Gatling and the downstream stub on CPU " + text(manifest.loadCpus())));
		rows.add(List.of("CPU", text(manifest.cpuModel()) + ", " + manifest.cores() + " cores"));
		rows.add(List.of("memory", Format.orNotMeasured((double) manifest.memoryBytes(), Format::bytes)));
		rows.add(List.of("load average at start", Format.number(manifest.loadAverageAtStart())));
		if (manifest.calibration() != null) {
			rows.add(List.of("kernel path at the start", manifest.calibration().text()));
		}
		if (manifest.calibrationAtEnd() != null) {
			rows.add(List.of("kernel path at the end", manifest.calibrationAtEnd().text()));
		}
		rows.add(List.of("variants", join(manifest.variants(), ", ")));
		rows.add(List.of("scenarios", join(manifest.scenarios(), ", ")));
		page.table(List.of("", ""), rows);
		if (manifest.notes() != null && !manifest.notes().isEmpty()) {
			page.html("<h3>Notes</h3><ul class=\"notes\">");
			manifest.notes().forEach((note) -> page.html("<li>" + Html.text(note) + "</li>"));
			page.html("</ul>");
		}
		if (manifest.settings() != null && !manifest.settings().isEmpty()) {
			page.html("<details><summary>Settings (" + manifest.settings().size() + ")</summary>");
			List<List<String>> settings = manifest.settings()
				.entrySet()
				.stream()
				.map((entry) -> List.of(entry.getKey(), text(entry.getValue())))
				.toList();
			page.table(List.of("setting", "value"), settings).html("</details>");
		}
		page.endSection();
	}

	static void claims(Page page, Results results, Variants variants) {
		page.section("claims", "Claims ledger");
		if (results.manifest() != null && results.manifest().verdictsWithheld()) {
			page.paragraph(SummaryWriter.NO_VERDICTS).endSection();
			return;
		}
		List<ClaimVerdict> claims = (results.claims() != null) ? results.claims() : List.of();
		if (claims.isEmpty()) {
			page.paragraph("No claims were judged in this run.").endSection();
			return;
		}
		// one figures column: the deciding figures are keyed by variant for most
		// claims, but by task kind (C6, C7) or by argument (C14) for others
		StringBuilder table = new StringBuilder("<div class=\"scroll\"><table class=\"claims\"><thead><tr>");
		List.of("id", "claim", "experiment", "deciding figures", "verdict", "why (and the rule)")
			.forEach((cell) -> table.append("<th>").append(Html.text(cell)).append("</th>"));
		table.append("</tr></thead><tbody>");
		for (ClaimVerdict claim : claims) {
			table.append("<tr><td>").append(Html.text(claim.id())).append("</td><td>").append(Html.text(claim.claim()));
			if (claim.translation() != null && !claim.translation().isBlank()) {
				table.append("<br><small>").append(Html.text(claim.translation())).append("</small>");
			}
			table.append("</td><td>").append(Html.text(claim.experiment())).append("</td><td>");
			Map<String, String> figures = (claim.figures() != null) ? claim.figures() : Map.of();
			if (figures.isEmpty()) {
				table.append("<span class=\"missing\">").append(Format.NOT_MEASURED).append("</span>");
			}
			figures.forEach((key, figure) -> table.append("<b>")
				.append(Html.text(key))
				.append("</b>: ")
				.append(Html.text(figure))
				.append("<br>"));
			table.append("</td><td><span class=\"verdict ")
				.append(verdictClass(claim.verdict()))
				.append("\">")
				.append(Html.text(claim.verdict()))
				.append("</span></td><td>")
				.append(Html.text(claim.why()))
				.append("<details><summary>rule</summary>")
				.append(Html.text(claim.rule()))
				.append("</details></td></tr>");
		}
		page.html(table.append("</tbody></table></div>").toString()).endSection();
	}

	static String verdictClass(String verdict) {
		if (verdict == null) {
			return "not-measured";
		}
		return switch (verdict) {
			case "supported" -> "supported";
			case "refuted" -> "refuted";
			case "it depends" -> "depends";
			default -> "not-measured";
		};
	}

	private static String text(String value) {
		return (value != null) ? value : Format.NOT_MEASURED;
	}

	private static String join(List<String> values, String separator) {
		return (values != null && !values.isEmpty()) ? String.join(separator, values) : Format.NOT_MEASURED;
	}

}
