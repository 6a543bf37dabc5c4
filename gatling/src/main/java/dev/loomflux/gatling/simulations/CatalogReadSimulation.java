package dev.loomflux.gatling.simulations;

import java.util.Map;

import dev.loomflux.gatling.endpoints.Catalog;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * catalog-read: hot product reads (Redis hits: {@code hotProducts} ids, 90 %) and list
 * pages (10 %), at rising arrival rates, to find each variant's knee.
 */
public class CatalogReadSimulation extends PlannedSimulation {

	{
		int hotProducts = this.plan.intParameter("hotProducts", 100);
		ChainBuilder reads = exec(
				feed(feeder(() -> Map.of("productId", randomId(hotProducts), "category", Catalog.randomCategory()))))
			.exec(randomSwitch().on(percent(90.0).then(Recording.timed("product", Catalog.product())),
					percent(10.0).then(Recording.timed("product-page", Catalog.page()))));
		setUp(Recording.clock(), population("catalog-read", reads, OPEN_STEPS));
	}

}
