package dev.loomflux.gatling.simulations;

import java.util.Map;

import dev.loomflux.gatling.endpoints.Home;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;

/**
 * concurrency-sweep: 100, 1,000, 5,000, ... home requests in flight at once (closed
 * model: each user loops on its own connection), with a slow downstream so that every
 * request spends most of its life waiting. Threads, memory, errors and latency at each
 * step show what one waiting request costs each model.
 */
public class ConcurrencySweepSimulation extends PlannedSimulation {

	{
		signInCustomers();
		ChainBuilder home = exec(feed(feeder(() -> Map.of("customerId", randomId(CUSTOMERS)))))
			.exec(Recording.timed("home", Home.home()));
		setUp(Recording.clock(), population("concurrency-sweep", home, CLOSED_STEPS));
	}

}
