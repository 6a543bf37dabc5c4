package dev.loomflux.floor;

import dev.loomflux.domain.catalog.Product;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/products/{id}} from the {@code product:{id}} cache entry the services
 * write, 404 on a miss: no database behind it, the floor serves only what is cached.
 */
@RestController
class ProductController {

	private final RedisReactiveCommands<String, byte[]> redis;

	ProductController(StatefulRedisConnection<String, byte[]> connection) {
		this.redis = connection.reactive();
	}

	@GetMapping(path = "/api/products/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<byte[]>> product(@PathVariable long id) {
		return this.redis.get(Product.cacheKey(id))
			.map(ResponseEntity::ok)
			.defaultIfEmpty(ResponseEntity.notFound().build());
	}

}
