package dev.loomflux.gatling.simulations;

import java.util.Map;

import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.Home;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * concurrency-sweep: 100, 1,000, 5,000, ... home requests in flight at once (closed
 * model: each user loops on its own connection), with a slow downstream so that every
 * request spends most of its life waiting. Threads, memory, errors and latency at each
 * step show what one waiting request costs each model.
 */
public class ConcurrencySweepSimulation extends PlannedSimulation {

	@Override
	boolean openModel() {
		return false;
	}

	{
		ScenarioBuilder inFlight = scenario("concurrency-sweep").exec(
				Injections.untilPlanEnds(this.plan, exec(feed(feeder(() -> Map.of("customerId", randomId(CUSTOMERS)))))
					.exec(Recording.timed("home", Home.home()))));
		setUp(inFlight.injectOpen(Injections.loopingUsers(this.plan, Plan.Step::concurrency)))
			.protocols(protocol(false));
	}

}
