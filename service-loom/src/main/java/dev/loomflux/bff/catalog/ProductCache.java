package dev.loomflux.bff.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.catalog.Product;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The {@code product:{id}} cache in Redis (JSON, with a TTL). Redis is only a cache: any
 * failure to read or write it (Redis down, a timeout, an unreadable entry) is counted and
 * treated as a miss, so product reads keep answering from PostgreSQL.
 */
@Component
class ProductCache {

	private static final Logger log = LoggerFactory.getLogger(ProductCache.class);

	private final SharedRedis redis;

	private final JsonMapper json;

	private final Duration ttl;

	private final Counter failures;

	ProductCache(SharedRedis redis, JsonMapper json, BffProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.ttl = properties.cache().productTtl();
		this.failures = meters.counter("bff.cache.failures", "cache", "product");
	}

	Optional<Product> get(long id) {
		Optional<RedisCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty()) {
			return Optional.empty();
		}
		try {
			String cached = commands.get().get(Product.cacheKey(id));
			return (cached != null) ? Optional.of(this.json.readValue(cached, Product.class)) : Optional.empty();
		}
		catch (RuntimeException ex) {
			failed("read", ex);
			return Optional.empty();
		}
	}

	/** The cached products among {@code ids}, in one MGET. */
	Map<Long, Product> getAll(Collection<Long> ids) {
		Optional<RedisCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty() || ids.isEmpty()) {
			return Map.of();
		}
		try {
			Map<Long, Product> found = new HashMap<>();
			for (KeyValue<String, String> cached : commands.get().mget(keys(ids))) {
				cached.ifHasValue((json) -> {
					Product product = this.json.readValue(json, Product.class);
					found.put(product.id(), product);
				});
			}
			return found;
		}
		catch (RuntimeException ex) {
			failed("read", ex);
			return Map.of();
		}
	}

	void put(Product product) {
		Optional<RedisCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty()) {
			return;
		}
		try {
			commands.get()
				.setex(Product.cacheKey(product.id()), this.ttl.toSeconds(), this.json.writeValueAsString(product));
		}
		catch (RuntimeException ex) {
			failed("write", ex);
		}
	}

	private static String[] keys(Collection<Long> ids) {
		return ids.stream().map(Product::cacheKey).toArray(String[]::new);
	}

	private void failed(String operation, Exception ex) {
		this.failures.increment();
		log.debug("Product cache {} failed, using PostgreSQL: {}", operation, ex.toString());
	}

}
