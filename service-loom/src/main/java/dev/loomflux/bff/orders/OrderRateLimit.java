package dev.loomflux.bff.orders;

import java.util.List;
import java.util.Optional;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.limit.RateLimit;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How many orders one customer may place ({@code bff.orders.rate-limit}), counted in
 * Redis by shared-domain's {@link RateLimit} script, so every replica of either service
 * counts against the same allowance. Without Redis the order is not limited: the limit
 * protects the database from one customer's flood, and refusing every order while Redis
 * is away would be worse. service-reactive's {@code OrderRateLimit} runs the same script
 * over the reactive API.
 */
@Component
class OrderRateLimit {

	private static final Logger log = LoggerFactory.getLogger(OrderRateLimit.class);

	private final SharedRedis redis;

	private final RateLimit limit;

	OrderRateLimit(SharedRedis redis, BffProperties properties) {
		this.redis = redis;
		BffProperties.Orders.RateLimit settings = properties.orders().rateLimit();
		this.limit = new RateLimit("orders", settings.capacity(), settings.period());
	}

	/**
	 * Counts one order of {@code customerId}.
	 * @throws RateLimit.RateLimitedException when the customer is over the limit
	 */
	void acquire(long customerId) {
		Optional<RedisCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty()) {
			return;
		}
		List<Object> answer;
		try {
			answer = commands.get()
				.eval(RateLimit.SCRIPT, ScriptOutputType.MULTI, new String[] { this.limit.key(customerId) },
						this.limit.arguments());
		}
		catch (RedisException ex) {
			log.debug("Order rate limit not checked, Redis failed: {}", ex.getMessage());
			return;
		}
		this.limit.check(answer);
	}

}
