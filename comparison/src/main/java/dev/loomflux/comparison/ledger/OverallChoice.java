package dev.loomflux.comparison.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.scenario.CatalogRead;
import dev.loomflux.comparison.scenario.HomeFanout;
import dev.loomflux.comparison.scenario.Mixed;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.ledger.KneeComparison.Outcome;
import dev.loomflux.comparison.results.ClaimVerdict;

/**
 * C14, composed from the rows that compare loom with reactive, each weighed alike in both
 * directions: a knee (home-fanout, catalog-read, mixed) that leads, C5 (CPU-bound work)
 * and C13 (the code). Rows that do not separate loom from reactive weigh nothing: C2 and
 * C12 compare loom with platform, C4 the two reactive variants, and C1, C3, C7, C10, C11
 * describe both alike or one only. A verdict needs load data on its side: the code counts
 * alone never decide it.
 */
final class OverallChoice {

	static final String RULE = "points, each worth the same for or against loom: loom's or reactive's knee leads on home-fanout, catalog-read or mixed; C5 supported or refuted; C13 supported or refuted; "
			+ "supported if there are points for loom, at least one from load (a knee or C5), and none against; refuted likewise against; "
			+ "it depends on points on both sides, or none from load; not measured if no knee comparison and not C5 was measured";

	private OverallChoice() {
	}

	static ClaimVerdict evaluate(Evidence evidence, List<ClaimVerdict> rows) {
		Map<String, String> verdicts = new LinkedHashMap<>();
		for (ClaimVerdict row : rows) {
			verdicts.put(row.id(), row.verdict());
		}
		List<String> pro = new ArrayList<>();
		List<String> contra = new ArrayList<>();
		boolean loadMeasured = false;
		boolean loadFor = false;
		boolean loadAgainst = false;
		for (String scenario : List.of(HomeFanout.NAME, CatalogRead.NAME, Mixed.NAME)) {
			Outcome outcome = KneeClaims.loomVersus(evidence, scenario, Evidence.REACTIVE);
			loadMeasured |= outcome != Outcome.NOT_MEASURED;
			if (outcome == Outcome.FIRST_LEADS) {
				pro.add("loom's " + scenario + " knee leads reactive's");
				loadFor = true;
			}
			else if (outcome == Outcome.SECOND_LEADS) {
				contra.add("reactive's " + scenario + " knee leads loom's");
				loadAgainst = true;
			}
		}
		String c5 = verdicts.get("C5");
		loadMeasured |= c5 != null && !Verdict.NOT_MEASURED.equals(c5);
		int c5Point = weigh(c5, "loom keeps serving under CPU load (C5)",
				"CPU-bound virtual threads starve loom's other requests (C5)", pro, contra);
		loadFor |= c5Point > 0;
		loadAgainst |= c5Point < 0;
		weigh(verdicts.get("C13"), "the blocking code counts simpler (C13)", "the reactive code counts simpler (C13)",
				pro, contra);
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("for loom", pro.isEmpty() ? "none" : String.join("; ", pro));
		figures.put("against loom", contra.isEmpty() ? "none" : String.join("; ", contra));
		figures.put("rows",
				verdicts.entrySet()
					.stream()
					.map((e) -> e.getKey() + " " + e.getValue())
					.reduce((a, b) -> a + ", " + b)
					.orElse("none"));
		if (!loadMeasured) {
			return Verdict.of(Claim.C14, figures, Verdict.NOT_MEASURED, RULE,
					"No knee comparison of loom and reactive and no C5 was measured: without load data the code counts do not decide.");
		}
		if (loadFor && contra.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.SUPPORTED, RULE,
					"For loom: " + String.join("; ", pro) + "; nothing measured against it.");
		}
		if (loadAgainst && pro.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.REFUTED, RULE,
					"Against loom: " + String.join("; ", contra) + "; nothing measured for it.");
		}
		if (pro.isEmpty() && contra.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.IT_DEPENDS, RULE,
					"Nothing measured separates the models: on this machine either serves; it depends on team and code base, not on the runtime.");
		}
		if (pro.isEmpty() || contra.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.IT_DEPENDS, RULE,
					"Only the code counts separate the models (" + String.join("; ", pro.isEmpty() ? contra : pro)
							+ "); under load neither led, so it depends on team and code base.");
		}
		return Verdict.of(Claim.C14, figures, Verdict.IT_DEPENDS, RULE, "It depends on the workload. For loom: "
				+ String.join("; ", pro) + ". Against: " + String.join("; ", contra) + ".");
	}

	/** Adds the row's point; 1 for loom, -1 against, 0 for none. */
	private static int weigh(String verdict, String ifSupported, String ifRefuted, List<String> pro,
			List<String> contra) {
		if (Verdict.SUPPORTED.equals(verdict)) {
			pro.add(ifSupported);
			return 1;
		}
		if (Verdict.REFUTED.equals(verdict)) {
			contra.add(ifRefuted);
			return -1;
		}
		return 0;
	}

}
