package dev.loomflux.domain.system;

import jdk.jfr.FlightRecorder;

/**
 * Starts the JDK Flight Recorder on a thread of its own as soon as a service starts. Both
 * services export the virtual-thread meters of micrometer-java21, whose binder opens a
 * JFR {@code RecordingStream}; the first stream of a JVM initialises JFR itself, which
 * cost the main thread about 0.3 s of CPU and up to a second of waiting in the middle of
 * the context refresh (docs/startup.md). Started here, in parallel with the rest of the
 * start-up, the stream later opens in well under 0.1 s. Nothing is recorded: this only
 * brings up the recorder that the meters need anyway.
 */
public final class FlightRecorderWarmUp {

	private FlightRecorderWarmUp() {
	}

	/** Returns at once; where JFR is not available the thread simply ends. */
	public static void startInBackground() {
		Thread.ofPlatform().name("jfr-warm-up").daemon().start(() -> {
			try {
				if (FlightRecorder.isAvailable()) {
					FlightRecorder.getFlightRecorder();
				}
			}
			catch (RuntimeException ex) {
				// JFR disabled or refused: the meters' binder reports it as it always did
			}
		});
	}

}
