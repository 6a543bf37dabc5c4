package dev.loomflux.bff.orders;

import java.util.List;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.limit.RateLimit;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * How many orders one customer may place ({@code bff.orders.rate-limit}), counted in
 * Redis by shared-domain's {@link RateLimit} script, so every replica of either service
 * counts against the same allowance. Without Redis the order is not limited: the limit
 * protects the database from one customer's flood, and refusing every order while Redis
 * is away would be worse. service-loom's {@code OrderRateLimit} runs the same script over
 * the synchronous API.
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
	 * Counts one order of {@code customerId}; fails with
	 * {@link RateLimit.RateLimitedException} when the customer is over the limit.
	 */
	Mono<Void> acquire(long customerId) {
		return Mono.justOrEmpty(this.redis.commands())
			.flatMap((commands) -> commands
				.<Object>eval(RateLimit.SCRIPT, ScriptOutputType.MULTI, new String[] { this.limit.key(customerId) },
						this.limit.arguments())
				.collectList()
				.map(OrderRateLimit::answer)
				.onErrorResume(RedisException.class, (ex) -> {
					log.debug("Order rate limit not checked, Redis failed: {}", ex.getMessage());
					return Mono.empty();
				}))
			.doOnNext(this.limit::check)
			.then();
	}

	/**
	 * The script's answer: Lettuce's reactive API may emit a multi-bulk reply as its
	 * elements or as one list.
	 */
	private static List<?> answer(List<Object> emitted) {
		return (emitted.size() == 1 && emitted.getFirst() instanceof List<?> list) ? list : emitted;
	}

}
