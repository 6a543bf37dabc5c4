package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Path;

import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;

/** The three outputs of a run, written into its results folder. */
final class Outputs {

	private Outputs() {
	}

	static void write(Results results, Path folder) throws IOException {
		ResultsJson.write(results, folder.resolve("results.json"));
	}

}
