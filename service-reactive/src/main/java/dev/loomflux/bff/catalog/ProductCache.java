package dev.loomflux.bff.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.bff.system.SharedRedis;
import dev.loomflux.domain.catalog.Product;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The {@code product:{id}} cache in Redis (JSON, with a TTL). Redis is only a cache: any
 * failure to read or write it (Redis down, a timeout, an unreadable entry) is counted and
 * treated as a miss, so product reads keep answering from PostgreSQL. Only exceptions
 * are: an {@link Error}, such as BlockHound's report of a blocking call, must surface.
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

	Mono<Product> get(long id) {
		Optional<RedisReactiveCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty()) {
			return Mono.empty();
		}
		return commands.get()
			.get(Product.cacheKey(id))
			.map((cached) -> this.json.readValue(cached, Product.class))
			.onErrorResume(Exception.class, (ex) -> failed("read", ex));
	}

	/** The cached products among {@code ids}, in one MGET. */
	Mono<Map<Long, Product>> getAll(Collection<Long> ids) {
		Optional<RedisReactiveCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty() || ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return commands.get()
			.mget(ids.stream().map(Product::cacheKey).toArray(String[]::new))
			.filter(KeyValue::hasValue)
			.map((cached) -> this.json.readValue(cached.getValue(), Product.class))
			.collectMap(Product::id)
			.onErrorResume(Exception.class,
					(ex) -> this.<Map<Long, Product>>failed("read", ex).defaultIfEmpty(Map.of()));
	}

	Mono<Void> put(Product product) {
		Optional<RedisReactiveCommands<String, String>> commands = this.redis.commands();
		if (commands.isEmpty()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> this.json.writeValueAsString(product))
			.flatMap((value) -> commands.get().setex(Product.cacheKey(product.id()), this.ttl.toSeconds(), value))
			.then()
			.onErrorResume(Exception.class, (ex) -> failed("write", ex));
	}

	private <T> Mono<T> failed(String operation, Exception ex) {
		this.failures.increment();
		log.debug("Product cache {} failed, using PostgreSQL: {}", operation, ex.toString());
		return Mono.empty();
	}

}
