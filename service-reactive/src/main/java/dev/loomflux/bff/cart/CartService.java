package dev.loomflux.bff.cart;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.cart.CartItemUpdate;
import dev.loomflux.domain.catalog.Product;
import reactor.core.publisher.Mono;

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

	Mono<Cart> getCart(long customerId) {
		return this.customers.requireExists(customerId).then(cartOf(customerId));
	}

	/**
	 * The cart of a customer known to exist (the home page checks that itself,
	 * concurrently).
	 */
	public Mono<Cart> cartOf(long customerId) {
		return this.store.quantities(customerId)
			.flatMap((quantities) -> this.catalog.getProducts(Cart.productIds(quantities))
				.map((products) -> products.stream().collect(Collectors.toMap(Product::id, Function.identity())))
				.map((Map<Long, Product> products) -> Cart.of(customerId, quantities, products)));
	}

	/** Checks everything before changing anything: a bad request never changes a cart. */
	Mono<Cart> putItem(long customerId, long productId, CartItemUpdate update) {
		return this.customers.requireExists(customerId)
			.then(this.catalog.getProduct(productId))
			.then(this.store.setQuantity(customerId, productId, update.quantity()))
			.then(cartOf(customerId));
	}

}
