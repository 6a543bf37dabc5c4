package dev.loomflux.gatling.simulations;

import java.util.Map;

import dev.loomflux.gatling.endpoints.Home;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * home-fanout: the BFF aggregate for random customers at rising arrival rates; the
 * comparison run makes the downstream stub slow (e.g. 100 ms per call) before it starts.
 */
public class HomeFanoutSimulation extends PlannedSimulation {

	{
		signInCustomers();
		ChainBuilder homes = exec(feed(feeder(() -> Map.of("customerId", randomId(CUSTOMERS)))))
			.exec(Recording.timed("home", Home.home()));
		setUp(Recording.clock(), population("home-fanout", homes, OPEN_STEPS));
	}

}
