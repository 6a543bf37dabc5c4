package dev.loomflux.gatling.simulations;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.loomflux.gatling.endpoints.Orders;
import dev.loomflux.gatling.recording.Recording;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * orders: concurrent orders on a few hot products, each with its own Idempotency-Key. A
 * failed order (no answer, or a 5xx) is retried once with the same key, as a careful
 * client would, and a share of the successful ones is sent again to prove the service
 * returns the original order. Afterwards the comparison run checks in PostgreSQL that no
 * stock was lost or created.
 */
public class OrdersSimulation extends PlannedSimulation {

	{
		signInCustomers();
		int hotProducts = this.plan.intParameter("hotProducts", 5);
		double replayShare = this.plan.doubleParameter("replayShare", 0.1);
		ChainBuilder orders = exec(feed(feeder(() -> {
			long customer = randomId(CUSTOMERS);
			return Map.of("customerId", customer, "idempotencyKey", UUID.randomUUID().toString(), "orderBody",
					orderBody(customer, hotProducts));
		}))).exec(Recording.timed("order", Orders.place("order")))
			.doIf((session) -> !session.getBoolean(Recording.LAST_OK))
			.then(Recording.timed("order-retry", Orders.place("order-retry")))
			.exec(doIf(
					(session) -> session.contains("orderId") && ThreadLocalRandom.current().nextDouble() < replayShare)
				.then(Recording.timed("order-duplicate", Orders.replay())));
		setUp(Recording.clock(), population("orders", orders, OPEN_STEPS));
	}

	/** One or two distinct hot products, one of each. */
	static String orderBody(long customerId, int hotProducts) {
		long first = randomId(hotProducts);
		StringBuilder items = new StringBuilder("{\"productId\":" + first + ",\"quantity\":1}");
		long second = randomId(hotProducts);
		if (second != first && ThreadLocalRandom.current().nextBoolean()) {
			items.append(",{\"productId\":").append(second).append(",\"quantity\":1}");
		}
		return "{\"customerId\":" + customerId + ",\"items\":[" + items + "]}";
	}

}
