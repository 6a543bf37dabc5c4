package dev.loomflux.gatling.simulations;

import java.util.Map;

import dev.loomflux.gatling.endpoints.Catalog;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;

/**
 * Cached product reads only, at fixed rates: what the services and their stacks' floors
 * (docs/comparison.md, "The floors") all serve, so that the CPU and the heap each spends
 * per request can be set side by side.
 */
public class CachedReadSimulation extends PlannedSimulation {

	{
		int hotProducts = this.plan.intParameter("hotProducts", 100);
		ChainBuilder reads = exec(feed(feeder(() -> Map.of("productId", randomId(hotProducts)))))
			.exec(Recording.timed("product", Catalog.product()));
		setUp(Recording.clock(), population("cached-read", reads, OPEN_STEPS));
	}

}
