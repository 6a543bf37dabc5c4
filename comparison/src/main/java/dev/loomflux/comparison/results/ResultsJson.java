package dev.loomflux.comparison.results;

import java.io.IOException;
import java.nio.file.Path;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code results.json}; the one place that knows its JSON settings. */
public final class ResultsJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ResultsJson() {
	}

	public static Results read(Path file) throws IOException {
		return MAPPER.readValue(file.toFile(), Results.class);
	}

	public static void write(Results results, Path file) throws IOException {
		MAPPER.writeValue(file.toFile(), results);
	}

	/**
	 * The mapper, for the other JSON files of a run (latency files, microbenchmark
	 * output).
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
