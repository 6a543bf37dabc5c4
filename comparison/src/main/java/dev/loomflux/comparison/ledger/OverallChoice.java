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
 * C14, composed from the other rows: each row that separates loom from reactive is a
 * point for or against loom; rows where both behave alike (C1, C3, C7, C10, C11) weigh
 * nothing either way.
 */
final class OverallChoice {

	static final String RULE = "points for loom: loom leads reactive's knee on an I/O scenario (C8) or the mix (C9), C5 supported, C13 supported, C2 supported "
			+ "(the collapse is avoided without rewriting the code); against: reactive leads a knee, C5 refuted, C13 refuted; "
			+ "supported if only points for, refuted if only points against, it depends on both (listed), not measured if none of these rows was";

	private OverallChoice() {
	}

	static ClaimVerdict evaluate(Evidence evidence, List<ClaimVerdict> rows) {
		Map<String, String> verdicts = new LinkedHashMap<>();
		for (ClaimVerdict row : rows) {
			verdicts.put(row.id(), row.verdict());
		}
		List<String> pro = new ArrayList<>();
		List<String> contra = new ArrayList<>();
		boolean anyMeasured = false;
		for (String scenario : List.of(HomeFanout.NAME, CatalogRead.NAME, Mixed.NAME)) {
			Outcome outcome = KneeClaims.loomVersus(evidence, scenario, Evidence.REACTIVE);
			anyMeasured |= outcome != Outcome.NOT_MEASURED;
			if (outcome == Outcome.FIRST_LEADS) {
				pro.add("loom's " + scenario + " knee leads reactive's");
			}
			else if (outcome == Outcome.SECOND_LEADS) {
				contra.add("reactive's " + scenario + " knee leads loom's");
			}
		}
		anyMeasured |= weigh(verdicts, "C5", "loom keeps serving under CPU load (C5)",
				"CPU-bound virtual threads starve loom's other requests (C5)", pro, contra);
		anyMeasured |= weigh(verdicts, "C13", "the blocking code counts simpler (C13)",
				"the reactive code counts simpler (C13)", pro, contra);
		if (Verdict.SUPPORTED.equals(verdicts.get("C2"))) {
			pro.add("thread-per-request collapses where loom, with the same blocking code, does not (C2)");
			anyMeasured = true;
		}
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("for loom", pro.isEmpty() ? "none" : String.join("; ", pro));
		figures.put("against loom", contra.isEmpty() ? "none" : String.join("; ", contra));
		figures.put("rows",
				verdicts.entrySet()
					.stream()
					.map((e) -> e.getKey() + " " + e.getValue())
					.reduce((a, b) -> a + ", " + b)
					.orElse("none"));
		if (!anyMeasured) {
			return Verdict.of(Claim.C14, figures, Verdict.NOT_MEASURED, RULE,
					"None of the rows that separate the models was measured.");
		}
		if (!pro.isEmpty() && contra.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.SUPPORTED, RULE,
					"For loom: " + String.join("; ", pro) + "; nothing measured against it.");
		}
		if (pro.isEmpty() && !contra.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.REFUTED, RULE,
					"Against loom: " + String.join("; ", contra) + "; nothing measured for it.");
		}
		if (pro.isEmpty()) {
			return Verdict.of(Claim.C14, figures, Verdict.IT_DEPENDS, RULE,
					"Nothing measured separates the models: on this machine either serves; it depends on team and code base, not on the runtime.");
		}
		return Verdict.of(Claim.C14, figures, Verdict.IT_DEPENDS, RULE, "It depends on the workload. For loom: "
				+ String.join("; ", pro) + ". Against: " + String.join("; ", contra) + ".");
	}

	private static boolean weigh(Map<String, String> verdicts, String id, String ifSupported, String ifRefuted,
			List<String> pro, List<String> contra) {
		String verdict = verdicts.get(id);
		if (Verdict.SUPPORTED.equals(verdict)) {
			pro.add(ifSupported);
		}
		else if (Verdict.REFUTED.equals(verdict)) {
			contra.add(ifRefuted);
		}
		return verdict != null && !Verdict.NOT_MEASURED.equals(verdict);
	}

}
