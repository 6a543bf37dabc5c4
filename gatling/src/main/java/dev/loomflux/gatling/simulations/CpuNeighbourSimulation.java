package dev.loomflux.gatling.simulations;

import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.Catalog;
import dev.loomflux.gatling.endpoints.Insights;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * cpu-neighbour: CPU-bound insights kept in flight in the background (each step's
 * {@code background}: 0, 1, 2, 4, ...), while cheap product reads (Redis hits) arrive in
 * the foreground at a constant rate. The foreground's p99 shows who starves whom: an
 * event loop running a simulation, a carrier thread kept by a CPU-bound virtual thread,
 * or nobody.
 */
public class CpuNeighbourSimulation extends PlannedSimulation {

	{
		double foregroundRate = this.plan.doubleParameter("foregroundRate", 100);
		int horizonDays = this.plan.intParameter("horizonDays", 365);
		int paths = this.plan.intParameter("paths", 20_000);
		ScenarioBuilder background = scenario("background").exec(Injections.untilPlanEnds(this.plan,
				exec(feed(feeder(() -> Map.of("productId", randomId(100), "horizonDays", horizonDays, "paths", paths))))
					.exec(Recording.timed("insights", Insights.insights("insights")))));
		PopulationBuilder foreground = scheduled("foreground",
				exec(feed(feeder(() -> Map.of("productId", randomId(100)))))
					.exec(Recording.timed("product", Catalog.product())),
				List.of(constantUsersPerSec(foregroundRate).during(this.plan.totalSeconds())));
		setUp(Recording.clock(), foreground,
				background.injectOpen(Injections.loopingUsers(this.plan, Plan.Step::background)))
			.protocols(protocol(true));
	}

}
