package dev.loomflux.comparison.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.scenario.CatalogRead;
import dev.loomflux.comparison.scenario.HomeFanout;
import dev.loomflux.comparison.scenario.Mixed;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.ledger.KneeComparison.Outcome;
import dev.loomflux.comparison.results.ClaimVerdict;

/**
 * C8 and C9, the two claims decided by knees ({@link Knee}, median across repeats): loom
 * against reactive on the I/O-bound scenarios, and loom against both reactive variants on
 * the mix.
 */
final class KneeClaims {

	/**
	 * Knees within this share of the larger one count as equal. No finer than what the
	 * knee search locates (its gap, 10 % in the shipped profiles), and applied to the
	 * range each knee lies in, so that a gap within a refinement step of the margin
	 * leaves a comparison undetermined ({@link KneeComparison}).
	 */
	static final double MARGIN = 0.20;

	static final List<String> IO_SCENARIOS = List.of(HomeFanout.NAME, CatalogRead.NAME);

	static final String PARITY_RULE = "knee (docs/claims.md#the-knee) of loom vs reactive on home-fanout and catalog-read, each the range from its rate up to the first failure "
			+ "(across repeats, from the lowest repeat's rate to the highest repeat's failure), compared wherever in those ranges the true knees lie: supported if within 20 % on both; refuted if apart by more on both; "
			+ "it depends if apart on one only, or if the ranges leave a scenario open (a knee \">= X\" or below the lowest step, or ranges that allow both)";

	static final String MIXED_RULE = "mixed knee, each the range from its rate up to the first failure (across repeats, from the lowest repeat's rate "
			+ "to the highest repeat's failure), compared wherever in those ranges the true knees lie: "
			+ "supported if loom leads reactive-inline by > 20 % and reactive does not lead loom by > 20 %; "
			+ "refuted if reactive-inline is within 20 % of loom or ahead, or reactive leads loom by > 20 %; else it depends (the ranges leave a comparison open)";

	private KneeClaims() {
	}

	static ClaimVerdict ioParity(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (String variant : List.of(Evidence.LOOM, Evidence.REACTIVE)) {
			StringBuilder text = new StringBuilder();
			for (String scenario : IO_SCENARIOS) {
				text.append((text.length() > 0) ? "; " : "")
					.append(scenario)
					.append(" knee ")
					.append(kneeText(evidence, scenario, variant));
			}
			figures.put(variant, text.toString());
		}
		int within = 0;
		int apart = 0;
		int open = 0;
		StringBuilder why = new StringBuilder();
		for (String scenario : IO_SCENARIOS) {
			Outcome outcome = loomVersus(evidence, scenario, Evidence.REACTIVE);
			if (outcome == Outcome.NOT_MEASURED) {
				return Verdict.of(Claim.C8, figures, Verdict.NOT_MEASURED, PARITY_RULE,
						"The " + scenario + " knee of loom or reactive is not measured.");
			}
			why.append(scenario).append(": ").append(describe(outcome, "loom", "reactive")).append(". ");
			switch (outcome) {
				case WITHIN -> within++;
				case FIRST_LEADS, SECOND_LEADS -> apart++;
				default -> open++;
			}
		}
		String reasons = why.toString().trim();
		if (within == IO_SCENARIOS.size()) {
			return Verdict.of(Claim.C8, figures, Verdict.SUPPORTED, PARITY_RULE, reasons);
		}
		if (apart == IO_SCENARIOS.size()) {
			return Verdict.of(Claim.C8, figures, Verdict.REFUTED, PARITY_RULE, reasons);
		}
		return Verdict.of(Claim.C8, figures, Verdict.IT_DEPENDS, PARITY_RULE, "It depends on the workload"
				+ ((open > 0) ? " and on steps beyond those tested" : "") + ": " + reasons);
	}

	static ClaimVerdict mixed(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (String variant : List.of(Evidence.LOOM, Evidence.REACTIVE, Evidence.REACTIVE_INLINE)) {
			figures.put(variant, "mixed knee " + kneeText(evidence, Mixed.NAME, variant));
		}
		Outcome inline = loomVersus(evidence, Mixed.NAME, Evidence.REACTIVE_INLINE);
		Outcome reactive = loomVersus(evidence, Mixed.NAME, Evidence.REACTIVE);
		if (inline == Outcome.NOT_MEASURED || reactive == Outcome.NOT_MEASURED) {
			return Verdict.of(Claim.C9, figures, Verdict.NOT_MEASURED, MIXED_RULE,
					"A mixed knee of loom, reactive or reactive-inline is not measured.");
		}
		String reasons = "loom vs reactive-inline: " + describe(inline, "loom", "reactive-inline")
				+ "; loom vs reactive: " + describe(reactive, "loom", "reactive") + ".";
		boolean reactiveNotAhead = reactive == Outcome.WITHIN || reactive == Outcome.FIRST_LEADS;
		if (inline == Outcome.FIRST_LEADS && reactiveNotAhead) {
			return Verdict.of(Claim.C9, figures, Verdict.SUPPORTED, MIXED_RULE,
					reasons + " The event loop copes only with its worker pool.");
		}
		if (inline == Outcome.WITHIN || inline == Outcome.SECOND_LEADS || reactive == Outcome.SECOND_LEADS) {
			return Verdict.of(Claim.C9, figures, Verdict.REFUTED, MIXED_RULE, reasons);
		}
		return Verdict.of(Claim.C9, figures, Verdict.IT_DEPENDS, MIXED_RULE,
				"The tested steps leave it open: " + reasons);
	}

	static Outcome loomVersus(Evidence evidence, String scenario, String other) {
		return KneeComparison.compare(KneeComparison.knee(evidence, scenario, Evidence.LOOM),
				KneeComparison.knee(evidence, scenario, other), MARGIN);
	}

	static String kneeText(Evidence evidence, String scenario, String variant) {
		Knee.Summary knee = KneeComparison.knee(evidence, scenario, variant);
		String text = knee.text();
		if (knee.median().step() != null) {
			text += " (p99 there " + Format.orNotMeasured(Steps.worstP99(knee.median().step()), Format::ms) + ")";
		}
		if (knee.median().note() != null) {
			// an invalid step's reason, or a confirmation that disagreed
			text += " [" + knee.median().note() + "]";
		}
		return text;
	}

	static String describe(Outcome outcome, String first, String second) {
		return switch (outcome) {
			case WITHIN -> "within 20 %";
			case FIRST_LEADS -> first + " leads by more than 20 %";
			case SECOND_LEADS -> second + " leads by more than 20 %";
			case UNDETERMINED -> "not decided by the tested steps";
			case NOT_MEASURED -> "not measured";
		};
	}

}
