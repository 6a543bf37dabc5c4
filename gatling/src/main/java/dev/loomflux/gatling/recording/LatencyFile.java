package dev.loomflux.gatling.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.Plan;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a simulation leaves behind for the comparison run: the client-side figures of each
 * step with the wall-clock window it ran in, so that server-side samples can be matched
 * to it.
 *
 * @param scenario the plan's scenario
 * @param startedAtMillis when injection began (epoch milliseconds)
 * @param steps one entry per plan step that ran, in order
 * @param stopReason why the run stopped before its last step; null when it ran them all
 */
public record LatencyFile(String scenario, long startedAtMillis, List<StepFigures> steps, String stopReason) {

	/**
	 * @param step the plan step
	 * @param startMillis its window, epoch milliseconds
	 * @param requests figures per request name
	 */
	public record StepFigures(Plan.Step step, long startMillis, long endMillis, Map<String, RequestStats> requests) {
	}

	/** Indented like results.json; tolerant of fields a newer recorder adds. */
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public static LatencyFile read(Path file) throws IOException {
		return MAPPER.readValue(file.toFile(), LatencyFile.class);
	}

	public void write(Path file) throws IOException {
		MAPPER.writeValue(file.toFile(), this);
	}

}
