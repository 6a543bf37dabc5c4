package dev.loomflux.bff.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductPage;
import dev.loomflux.domain.catalog.ProductQuery;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

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

	public Product getProduct(long id) {
		return this.cache.get(id).orElseGet(() -> {
			Product product = this.products.findById(id).orElseThrow(() -> productNotFound(id));
			this.cache.put(product);
			return product;
		});
	}

	/**
	 * The products of these ids that exist, in the order asked: one Redis MGET, then one
	 * PostgreSQL query for the misses, which are then cached.
	 */
	public List<Product> getProducts(List<Long> ids) {
		Map<Long, Product> found = new HashMap<>(this.cache.getAll(ids));
		List<Long> missing = ids.stream().filter((id) -> !found.containsKey(id)).distinct().toList();
		if (!missing.isEmpty()) {
			for (Product product : this.products.findByIds(missing)) {
				found.put(product.id(), product);
				this.cache.put(product);
			}
		}
		return ids.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	ProductPage listProducts(ProductQuery query) {
		return ProductPage.of(this.products.findPage(query), query.limit());
	}

	/**
	 * Fails with {@code PRODUCT_NOT_FOUND} for the first of the ids, in their order, that
	 * names no product; one query for all of them.
	 */
	public void requireAll(List<Long> ids) {
		Set<Long> existing = this.products.findExistingIds(ids);
		ids.stream().filter((id) -> !existing.contains(id)).findFirst().ifPresent((missing) -> {
			throw productNotFound(missing);
		});
	}

	static ApiException productNotFound(long id) {
		return new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product " + id + " does not exist.");
	}

}
