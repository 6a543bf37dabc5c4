package dev.loomflux.gatling.simulations;

import java.util.Map;

import dev.loomflux.gatling.endpoints.Prices;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * connections: N long-lived price streams held open at once (each step's
 * {@code concurrency}; the first step, with none, is the baseline). Memory per open
 * connection is the step's RSS above the baseline divided by N.
 */
public class ConnectionsSimulation extends PlannedSimulation {

	{
		// each user opens one stream and holds it until the plan ends: the loop runs once
		ChainBuilder stream = exec(feed(feeder(ConnectionsSimulation::twoProducts)))
			.exec(Recording.timed("stream", Prices.open()))
			.exec(pause((session) -> Injections.untilPlanEnd(this.plan)))
			.exec(Prices.close());
		setUp(Recording.clock(), population("connections", stream, CLOSED_STEPS));
	}

	/**
	 * Two distinct products: a stream's ids must not repeat (the service answers 400).
	 */
	private static Map<String, Object> twoProducts() {
		long first = randomId(99);
		return Map.of("productIds", first + "," + (first + 1));
	}

}
