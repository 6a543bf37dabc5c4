package dev.loomflux.gatling.simulations;

import java.util.Map;
import java.util.UUID;

import dev.loomflux.gatling.endpoints.Cart;
import dev.loomflux.gatling.endpoints.Catalog;
import dev.loomflux.gatling.endpoints.Home;
import dev.loomflux.gatling.endpoints.Insights;
import dev.loomflux.gatling.endpoints.Orders;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * mixed: a storefront's day in one weighted mix, at rising arrival rates: product reads
 * 50 %, list pages 10 %, home pages 20 %, cart updates 10 %, light insights 5 % (a little
 * CPU: 30 days x 1,000 paths), orders 5 % (spread over many products, so stock lasts).
 */
public class MixedSimulation extends PlannedSimulation {

	{
		signInCustomers();
		ChainBuilder mix = exec(feed(feeder(() -> {
			// one customer per record: the order is theirs, placed with their token
			long customer = randomId(CUSTOMERS);
			return Map.of("productId", randomId(1000), "customerId", customer, "category", Catalog.randomCategory(),
					"quantity", randomId(3), "horizonDays", 30, "paths", 1000, "idempotencyKey",
					UUID.randomUUID().toString(), "orderBody", OrdersSimulation.orderBody(customer, 1000));
		}))).exec(randomSwitch().on(percent(50.0).then(Recording.timed("product", Catalog.product())),
				percent(10.0).then(Recording.timed("product-page", Catalog.page())),
				percent(20.0).then(Recording.timed("home", Home.home())),
				percent(10.0).then(Recording.timed("cart", Cart.putItem())),
				percent(5.0).then(Recording.timed("insights-light", Insights.insights("insights-light"))),
				percent(5.0).then(Recording.timed("order", Orders.place("order")))));
		setUp(Recording.clock(), population("mixed", mix, OPEN_STEPS));
	}

}
