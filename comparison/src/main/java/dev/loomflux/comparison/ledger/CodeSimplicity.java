package dev.loomflux.comparison.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.CodeMetrics;

/**
 * C13: the two implementations of each feature, counted by
 * {@code dev.loomflux.comparison.code.CodeMetricsCounter}. Lines and nesting are compared
 * per feature; the Reactor operators are the vocabulary a reader of the reactive side
 * must know (loom has none by construction), so they cannot refute the claim on their own
 * but keep counts of lines from doing so.
 */
final class CodeSimplicity {

	static final String LOOM = "service-loom";

	static final String REACTIVE = "service-reactive";

	/** A feature is longer when it has this many times the other's lines. */
	static final double LONGER = 1.1;

	static final String RULE = "per feature, a side is simpler if the other is deeper (max nesting) or > 1.1x longer (lines) and it is neither; "
			+ "supported if loom is simpler in more features than reactive; refuted if reactive is simpler in more features than loom; "
			+ "it depends on a tie; Reactor operator calls quoted";

	private CodeSimplicity() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Map<String, CodeMetrics[]> features = new LinkedHashMap<>();
		for (CodeMetrics metrics : evidence.codeMetrics()) {
			CodeMetrics[] pair = features.computeIfAbsent(metrics.feature(), (f) -> new CodeMetrics[2]);
			if (LOOM.equals(metrics.service())) {
				pair[0] = metrics;
			}
			else if (REACTIVE.equals(metrics.service())) {
				pair[1] = metrics;
			}
		}
		List<String> loomSimpler = new ArrayList<>();
		List<String> reactiveSimpler = new ArrayList<>();
		int compared = 0;
		int operators = 0;
		StringBuilder loomText = new StringBuilder();
		StringBuilder reactiveText = new StringBuilder();
		for (Map.Entry<String, CodeMetrics[]> feature : features.entrySet()) {
			CodeMetrics loom = feature.getValue()[0];
			CodeMetrics reactive = feature.getValue()[1];
			append(loomText, feature.getKey(), loom);
			append(reactiveText, feature.getKey(), reactive);
			if (loom == null || reactive == null) {
				continue;
			}
			compared++;
			operators += reactive.reactorOperators();
			boolean loomWorse = loom.maxNesting() > reactive.maxNesting() || loom.lines() > LONGER * reactive.lines();
			boolean reactiveWorse = reactive.maxNesting() > loom.maxNesting()
					|| reactive.lines() > LONGER * loom.lines();
			if (reactiveWorse && !loomWorse) {
				loomSimpler.add(feature.getKey());
			}
			else if (loomWorse && !reactiveWorse) {
				reactiveSimpler.add(feature.getKey());
			}
		}
		figures.put("loom", loomText.toString());
		figures.put("reactive", reactiveText.toString());
		if (compared == 0) {
			return Verdict.of(Claim.C13, figures, Verdict.NOT_MEASURED, RULE,
					"No feature was counted in both services.");
		}
		double operatorsPerFeature = (double) operators / compared;
		String numbers = "loom simpler in " + list(loomSimpler) + ", reactive simpler in " + list(reactiveSimpler)
				+ " of " + compared + " features; reactive uses " + operators + " Reactor operator calls ("
				+ Format.count(operatorsPerFeature)
				+ " per feature). Counts are proxies: nobody's reading time was measured.";
		if (loomSimpler.size() > reactiveSimpler.size()) {
			return Verdict.of(Claim.C13, figures, Verdict.SUPPORTED, RULE, numbers);
		}
		if (reactiveSimpler.size() > loomSimpler.size()) {
			return Verdict.of(Claim.C13, figures, Verdict.REFUTED, RULE, numbers);
		}
		return Verdict.of(Claim.C13, figures, Verdict.IT_DEPENDS, RULE,
				"As many features count simpler on each side: " + numbers);
	}

	private static void append(StringBuilder text, String feature, CodeMetrics metrics) {
		text.append((text.length() > 0) ? "; " : "").append(feature).append(" ");
		text.append((metrics != null) ? metrics.lines() + " lines, nesting " + metrics.maxNesting() + ", "
				+ metrics.reactorOperators() + " ops" : Format.NOT_MEASURED);
	}

	private static String list(List<String> features) {
		return features.size() + ((features.isEmpty()) ? "" : " (" + String.join(", ", features) + ")");
	}

}
