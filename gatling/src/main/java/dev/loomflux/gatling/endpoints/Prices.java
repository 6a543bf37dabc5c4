package dev.loomflux.gatling.endpoints;

import java.time.Duration;

import io.gatling.javaapi.core.ActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.sse;

/** Long-lived Server-Sent Event streams of price ticks. */
public final class Prices {

	private Prices() {
	}

	/**
	 * Opens {@code GET /api/prices/stream?ids=} and waits for the first tick: an open
	 * stream is one that delivers. The stream stays open until {@link #close()}.
	 */
	public static ActionBuilder open() {
		return sse("stream").get("/api/prices/stream?ids=#{productIds}")
			.await(Duration.ofSeconds(5))
			.on(sse.checkMessage("first tick").check(regex("productId")));
	}

	public static ActionBuilder close() {
		return sse("close").close();
	}

}
