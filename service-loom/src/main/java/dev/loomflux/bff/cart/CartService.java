package dev.loomflux.bff.cart;

import java.util.Map;

import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.cart.CartItemUpdate;
import dev.loomflux.domain.catalog.Product;

import org.springframework.stereotype.Service;

/**
 * Reads and changes carts; every read prices the items now, through one batched product
 * lookup.
 */
@Service
public class CartService {

	private final CartStore store;

	private final CatalogService catalog;

	private final CustomerRepository customers;

	CartService(CartStore store, CatalogService catalog, CustomerRepository customers) {
		this.store = store;
		this.catalog = catalog;
		this.customers = customers;
	}

	Cart getCart(long customerId) {
		this.customers.requireExists(customerId);
		return cartOf(customerId);
	}

	/**
	 * The cart of a customer known to exist (the home page checks that itself,
	 * concurrently).
	 */
	public Cart cartOf(long customerId) {
		Map<String, String> quantities = this.store.quantities(customerId);
		Map<Long, Product> products = this.catalog.getProducts(Cart.productIds(quantities))
			.stream()
			.collect(java.util.stream.Collectors.toMap(Product::id, (product) -> product));
		return Cart.of(customerId, quantities, products);
	}

	/** Checks everything before changing anything: a bad request never changes a cart. */
	Cart putItem(long customerId, long productId, CartItemUpdate update) {
		this.customers.requireExists(customerId);
		this.catalog.getProduct(productId);
		this.store.setQuantity(customerId, productId, update.quantity());
		return cartOf(customerId);
	}

}
