package dev.loomflux.bff.cart;

import java.time.Duration;
import java.util.Map;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

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

	Map<String, String> quantities(long customerId) {
		try {
			return commands().hgetall(Cart.key(customerId));
		}
		catch (RedisException ex) {
			throw unavailable();
		}
	}

	void setQuantity(long customerId, long productId, int quantity) {
		String key = Cart.key(customerId);
		try {
			RedisCommands<String, String> commands = commands();
			if (quantity == 0) {
				commands.hdel(key, Long.toString(productId));
			}
			else {
				commands.hset(key, Long.toString(productId), Integer.toString(quantity));
				commands.expire(key, this.ttl);
			}
		}
		catch (RedisException ex) {
			throw unavailable();
		}
	}

	private RedisCommands<String, String> commands() {
		return this.redis.commands().orElseThrow(CartStore::unavailable);
	}

	private static ApiException unavailable() {
		return new ApiException(ErrorCode.CART_UNAVAILABLE, ErrorCode.CART_UNAVAILABLE.defaultDetail());
	}

}
