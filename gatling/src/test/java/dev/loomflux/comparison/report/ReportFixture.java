package dev.loomflux.comparison.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;

/**
 * The recorded-looking fixture: a full profile (2 repeats) of all four variants and seven
 * scenarios with invented figures, one heap figure null and one failed run.
 */
final class ReportFixture {

	static final int SCENARIOS = 7;

	private ReportFixture() {
	}

	static Results results() throws IOException {
		try {
			return ResultsJson.read(Path.of(ReportFixture.class.getResource("/fixtures/results-report.json").toURI()));
		}
		catch (URISyntaxException ex) {
			throw new IOException(ex);
		}
	}

}
