package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.metrics.SecurityShare;
import dev.loomflux.gatling.recording.LatencyFile;

/**
 * Spring Security's share of the service's CPU over a scenario's measured steps, from the
 * service's JFR execution samples (SecurityShare). Over all steps, not one: a short step
 * holds a few dozen samples, and security's share of a request's CPU hardly depends on
 * the load; the sample count goes with the share, so its precision is plain to see.
 * Authentication runs on every request of a customer's page, cart or order, and the two
 * stacks do it differently (a servlet filter chain and the thread's security context,
 * against a WebFilter chain and the Reactor context), so the report says how much of each
 * variant's cost it is.
 */
final class SecurityCost {

	private SecurityCost() {
	}

	/**
	 * {@code securityCpuShare} (0..1) and {@code securitySamples}; empty when the samples
	 * could not be read (the figure is then absent, not guessed).
	 */
	static Map<String, Double> figures(ServiceUnderTest service, Path runFolder, LatencyFile latency) {
		List<LatencyFile.StepFigures> measured = latency.steps()
			.stream()
			.filter((figures) -> !figures.step().label().equals(ComparisonRun.LOAD_GENERATOR_WARMUP))
			.toList();
		if (measured.isEmpty()) {
			return Map.of();
		}
		Path file = runFolder.resolve("samples.jfr");
		try {
			SecurityShare.Share share = SecurityShare.of(service.samples(file),
					Instant.ofEpochMilli(measured.getFirst().startMillis()),
					Instant.ofEpochMilli(measured.getLast().endMillis()));
			Map<String, Double> figures = new LinkedHashMap<>();
			figures.put("securitySamples", (double) share.samples());
			if (share.share() != null) {
				figures.put("securityCpuShare", share.share());
			}
			return figures;
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
		finally {
			// a few MB a run, read once: the figures are what the results keep
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// left behind in the results folder; harmless
			}
		}
	}

}
