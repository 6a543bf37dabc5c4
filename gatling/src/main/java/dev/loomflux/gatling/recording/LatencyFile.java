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
 * to it, and what the load generator itself did in it.
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
	 * @param requests figures per request name; a request belongs to the step its timing
	 * origin falls in (its intended time, with a schedule; else when it was sent)
	 * @param loadGenerator what the load generator did in the step
	 * @param histograms per request name the histograms {@code requests} were derived
	 * from, so that several load generators' files can be merged; absent in files written
	 * before they were kept
	 */
	public record StepFigures(Plan.Step step, long startMillis, long endMillis, Map<String, RequestStats> requests,
			LoadGeneratorFigures loadGenerator, Map<String, RequestHistograms> histograms) {

		public StepFigures(Plan.Step step, long startMillis, long endMillis, Map<String, RequestStats> requests,
				LoadGeneratorFigures loadGenerator) {
			this(step, startMillis, endMillis, requests, loadGenerator, null);
		}

	}

	/**
	 * Whether the load generator kept to its plan in one step.
	 *
	 * @param planned users the open-model schedule put in the step (each sends one
	 * scheduled request), up to the moment the run stopped if it stopped early (a
	 * collapse stops the run, not the load generator); null for closed-model steps, which
	 * have no schedule
	 * @param sent with a schedule, the scheduled requests intended in the step that went
	 * out (a retry or a replay does not count); without, every request sent in the step
	 * @param sendLatenessP99Ms p99 of (when the request went out - its intended time), in
	 * milliseconds; null without a schedule
	 * @param cpuShare this load generator JVM's CPU time over the step's wall time and
	 * its cores (0..1; 1 = every core it may use busy), measured inside the JVM
	 */
	public record LoadGeneratorFigures(Long planned, long sent, Double sendLatenessP99Ms, Double cpuShare) {
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
