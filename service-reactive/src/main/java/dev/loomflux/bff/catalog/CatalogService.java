package dev.loomflux.bff.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductPage;
import dev.loomflux.domain.catalog.ProductQuery;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Product reads: cache-aside over PostgreSQL for single products and batches, keyset
 * pages straight from PostgreSQL. Public for the features that build on products (cart,
 * home, insights, price streams).
 */
@Service
public class CatalogService {

	private final ProductRepository products;

	private final ProductCache cache;

	CatalogService(ProductRepository products, ProductCache cache) {
		this.products = products;
		this.cache = cache;
	}

	public Mono<Product> getProduct(long id) {
		return this.cache.get(id)
			.switchIfEmpty(Mono.defer(() -> this.products.findById(id)
				.switchIfEmpty(Mono.error(() -> productNotFound(id)))
				.flatMap((product) -> this.cache.put(product).thenReturn(product))));
	}

	/**
	 * The products of these ids that exist, in the order asked: one Redis MGET, then one
	 * PostgreSQL query for the misses, which are then cached.
	 */
	public Mono<List<Product>> getProducts(List<Long> ids) {
		return this.cache.getAll(ids).flatMap((cached) -> {
			Map<Long, Product> found = new HashMap<>(cached);
			List<Long> missing = ids.stream().filter((id) -> !found.containsKey(id)).distinct().toList();
			Flux<Product> loaded = missing.isEmpty() ? Flux.empty() : this.products.findByIds(missing)
				.concatMap((product) -> this.cache.put(product).thenReturn(product));
			return loaded.doOnNext((product) -> found.put(product.id(), product))
				.then(Mono.fromSupplier(() -> ids.stream().map(found::get).filter(Objects::nonNull).toList()));
		});
	}

	Mono<ProductPage> listProducts(ProductQuery query) {
		return this.products.findPage(query).collectList().map((rows) -> ProductPage.of(rows, query.limit()));
	}

	/**
	 * Fails with {@code PRODUCT_NOT_FOUND} for the first of the ids, in their order, that
	 * names no product; one query for all of them.
	 */
	public Mono<Void> requireAll(List<Long> ids) {
		return this.products.findExistingIds(ids)
			.flatMap((existing) -> Mono.justOrEmpty(ids.stream().filter((id) -> !existing.contains(id)).findFirst()))
			.flatMap((missing) -> Mono.<Void>error(productNotFound(missing)));
	}

	static ApiException productNotFound(long id) {
		return new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product " + id + " does not exist.");
	}

}
