package dev.loomflux.bff.cart;

import java.time.Duration;
import java.util.Map;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Carts in Redis: the hash {@code cart:{customerId}}, product id -> quantity, expiring
 * after {@code bff.cart.ttl} without a change. Redis is the only store of carts, so
 * unlike the product cache there is nothing to fall back to: when Redis is down, cart
 * operations answer 503.
 */
@Component
class CartStore {

	private final SharedRedis redis;

	private final Duration ttl;

	CartStore(SharedRedis redis, BffProperties properties) {
		this.redis = redis;
		this.ttl = properties.cart().ttl();
	}

	Mono<Map<String, String>> quantities(long customerId) {
		return commands().flatMap(
				(commands) -> commands.hgetall(Cart.key(customerId)).collectMap(KeyValue::getKey, KeyValue::getValue))
			.onErrorMap(RedisException.class, (ex) -> unavailable());
	}

	Mono<Void> setQuantity(long customerId, long productId, int quantity) {
		String key = Cart.key(customerId);
		return commands().flatMap((commands) -> (quantity == 0) ? commands.hdel(key, Long.toString(productId)).then()
				: commands.hset(key, Long.toString(productId), Integer.toString(quantity))
					.then(commands.expire(key, this.ttl))
					.then())
			.onErrorMap(RedisException.class, (ex) -> unavailable());
	}

	private Mono<RedisReactiveCommands<String, String>> commands() {
		return Mono.justOrEmpty(this.redis.commands()).switchIfEmpty(Mono.error(CartStore::unavailable));
	}

	private static ApiException unavailable() {
		return new ApiException(ErrorCode.CART_UNAVAILABLE, ErrorCode.CART_UNAVAILABLE.defaultDetail());
	}

}
