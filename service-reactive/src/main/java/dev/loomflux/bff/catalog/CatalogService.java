package dev.loomflux.bff.catalog;

import java.util.List;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductPage;
import dev.loomflux.domain.catalog.ProductQuery;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Product reads: cache-aside over PostgreSQL for single products, keyset pages straight
 * from it. Public for the features that build on products (insights, price streams).
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
