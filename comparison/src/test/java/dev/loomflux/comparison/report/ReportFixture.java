package dev.loomflux.comparison.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;

/**
 * The report's fixtures. {@code results-report.json}: a full profile (2 repeats) of all
 * four variants and seven scenarios with invented figures, made to hold every awkward
 * case (a null heap figure, a failed run, escaping probes).
 * {@code results-recorded.json}: the results.json of a real quick run of
 * {@code ./loomflux compare} on the development machine, as it was written.
 */
final class ReportFixture {

	static final int SCENARIOS = 7;

	private ReportFixture() {
	}

	static final String INVENTED = "results-report.json";

	static final String RECORDED = "results-recorded.json";

	static Results results() throws IOException {
		return results(INVENTED);
	}

	static Results results(String name) throws IOException {
		try {
			return ResultsJson.read(Path.of(ReportFixture.class.getResource("/fixtures/" + name).toURI()));
		}
		catch (URISyntaxException ex) {
			throw new IOException(ex);
		}
	}

}
