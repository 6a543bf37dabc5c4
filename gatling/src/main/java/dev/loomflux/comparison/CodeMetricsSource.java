package dev.loomflux.comparison;

import java.util.List;

import dev.loomflux.comparison.results.CodeMetrics;

/**
 * Counts the two implementations of each feature (claim C13) from the checked-out
 * sources.
 */
final class CodeMetricsSource {

	private CodeMetricsSource() {
	}

	static List<CodeMetrics> count(Progress progress, List<String> notes) {
		notes.add("code metrics not counted yet");
		return List.of();
	}

}
