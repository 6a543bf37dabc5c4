package dev.loomflux.bff.orders;

import java.util.Optional;

import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.orders.Order;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What follows a committed order in Redis: the ordered products leave the customer's
 * cart, and their {@code product:{id}} entries, whose stock just changed, are evicted.
 * The order stands whatever happens here, so a Redis failure is counted and logged, never
 * signalled: a cart keeps the ordered items until the customer changes it, and a cache
 * entry shows the old stock until its TTL ({@code bff.cache.product-ttl}, 60 s) runs out,
 * which bounds the staleness. Only an {@link Error}, such as BlockHound's report of a
 * blocking call, surfaces.
 */
@Component
class OrderCleanup {

	private static final Logger log = LoggerFactory.getLogger(OrderCleanup.class);

	private final SharedRedis redis;

	private final Counter failures;

	OrderCleanup(SharedRedis redis, MeterRegistry meters) {
		this.redis = redis;
		this.failures = meters.counter("bff.orders.cleanup.failures");
	}

	Mono<Void> afterCommit(Order order) {
		Optional<RedisReactiveCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty()) {
			return Mono.fromRunnable(() -> failed(order, "no Redis connection yet"));
		}
		return commands.get()
			.hdel(Cart.key(order.customerId()), order.cartFields())
			.then(commands.get().del(order.cacheKeys()))
			.then()
			.onErrorResume(Exception.class, (ex) -> {
				failed(order, ex.toString());
				return Mono.empty();
			});
	}

	private void failed(Order order, String reason) {
		this.failures.increment();
		log.warn("Order {} placed, but its cart and cache cleanup failed: {}", order.id(), reason);
	}

}
