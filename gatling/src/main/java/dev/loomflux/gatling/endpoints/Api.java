package dev.loomflux.gatling.endpoints;

import java.util.Arrays;
import java.util.List;

import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.CheckBuilder;

import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Checks every request shares: keep the status for the recorder, then accept only these.
 */
final class Api {

	private Api() {
	}

	static CheckBuilder[] expect(Integer... statuses) {
		List<Integer> accepted = Arrays.asList(statuses);
		// saveAs first: it must run even when the status check that follows fails
		return new CheckBuilder[] { status().saveAs(Recording.STATUS), status().in(accepted) };
	}

}
