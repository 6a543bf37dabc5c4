package dev.loomflux.comparison;

import java.nio.file.Path;
import java.util.List;

import dev.loomflux.comparison.code.CodeMetricsCounter;
import dev.loomflux.comparison.results.CodeMetrics;

/**
 * Counts the two implementations of each feature (claim C13) from the checked-out
 * sources.
 */
final class CodeMetricsSource {

	private CodeMetricsSource() {
	}

	static List<CodeMetrics> count(Progress progress, List<String> notes) {
		try {
			progress.say("counting the two implementations of each feature (C13)");
			return CodeMetricsCounter.count(Path.of("."));
		}
		catch (RuntimeException ex) {
			notes.add("code metrics not counted: " + ex.getMessage());
			return List.of();
		}
	}

}
