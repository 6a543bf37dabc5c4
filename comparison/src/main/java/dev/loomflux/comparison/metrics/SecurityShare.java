package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * How much of a service's CPU went to Spring Security (authentication and the security
 * filter chain), from the JFR execution samples of a time window: a sample counts as
 * security's when, reading its stack from the running frame down, a frame of Spring
 * Security, Nimbus JOSE (the JWT library) or the services' own security code comes before
 * any frame of the request's handling (the dispatcher, a handler, the application).
 * Walking from the top matters: on the servlet stack the security filters sit below
 * everything the request does, so "any security frame on the stack" would charge all of
 * it to security. The same rule reads both stacks.
 */
public final class SecurityShare {

	private static final List<String> SECURITY = List.of("org.springframework.security.", "com.nimbusds.",
			"dev.loomflux.bff.security.", "dev.loomflux.domain.security.");

	private static final List<String> HANDLING = List.of("dev.loomflux.",
			"org.springframework.web.servlet.DispatcherServlet", "org.springframework.web.reactive.DispatcherHandler",
			"org.springframework.web.method.", "org.springframework.web.reactive.result.method.");

	private SecurityShare() {
	}

	/**
	 * @param samples execution samples in the window
	 * @param security of which were security's
	 */
	public record Share(long samples, long security) {

		/** security / samples; null without samples. */
		public Double share() {
			return (this.samples > 0) ? (double) this.security / this.samples : null;
		}

	}

	/** The share of the samples in {@code recording} taken between the two instants. */
	public static Share of(Path recording, Instant from, Instant to) throws IOException {
		long samples = 0;
		long security = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
					|| event.getStartTime().isBefore(from) || !event.getStartTime().isBefore(to)) {
				continue;
			}
			samples++;
			if (isSecurity(event.getStackTrace().getFrames().stream().map(SecurityShare::typeName).toList())) {
				security++;
			}
		}
		return new Share(samples, security);
	}

	/**
	 * Whether a stack (class names, the running frame first) is security's: a security
	 * frame comes before any frame of the request's handling.
	 */
	static boolean isSecurity(List<String> classNames) {
		for (String name : classNames) {
			if (startsWithAny(name, SECURITY)) {
				return true;
			}
			if (startsWithAny(name, HANDLING)) {
				return false;
			}
		}
		return false;
	}

	private static boolean startsWithAny(String name, List<String> prefixes) {
		return prefixes.stream().anyMatch(name::startsWith);
	}

	private static String typeName(RecordedFrame frame) {
		return (frame.getMethod() != null) ? frame.getMethod().getType().getName() : "";
	}

}
