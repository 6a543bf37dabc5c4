package dev.loomflux.bff.home;

import java.time.Duration;
import java.util.List;

import dev.loomflux.bff.cart.CartService;
import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.customer.Customer;
import dev.loomflux.domain.home.Home;
import dev.loomflux.domain.home.HomeSection;

import org.springframework.stereotype.Service;

/**
 * The home page fan-out, as straight-line blocking code: every branch is forked at once
 * on its own virtual thread; promotions waits (blocking, cheaply) for the cart and the
 * recommendations it depends on; the customer is read on the request's own thread
 * meanwhile. The latency is the longest chain (recommendations, then promotions), not the
 * sum of the calls.
 */
@Service
class HomeService {

	private final CustomerRepository customers;

	private final CartService carts;

	private final RecentOrders recentOrders;

	private final CatalogService catalog;

	private final DownstreamClient downstream;

	private final Duration deadline;

	HomeService(CustomerRepository customers, CartService carts, RecentOrders recentOrders, CatalogService catalog,
			DownstreamClient downstream, BffProperties properties) {
		this.customers = customers;
		this.carts = carts;
		this.recentOrders = recentOrders;
		this.catalog = catalog;
		this.downstream = downstream;
		this.deadline = properties.home().deadline();
	}

	Home getHome(long customerId) {
		try (FanOut fanOut = new FanOut(this.deadline)) {
			var cart = fanOut.fork(() -> this.carts.cartOf(customerId));
			var recentOrders = fanOut.fork(() -> this.recentOrders.of(customerId));
			var recommendedIds = fanOut.fork(() -> this.downstream.recommendations(customerId));
			var recommendations = fanOut
				.<List<Product>>fork(() -> this.catalog.getProducts(recommendedIds.join().orElseThrow()));
			var promotions = fanOut.fork(() -> this.downstream.promotions(Home.promotionCandidates(
					cart.join().map(Cart::productIds).orElse(List.of()), recommendedIds.join().orElse(List.of()))));
			Customer customer = this.customers.findById(customerId).orElseThrow(() -> Customer.notFound(customerId));
			return Home.of(customer, cart.section(HomeSection.CART), recentOrders.section(HomeSection.RECENT_ORDERS),
					recommendations.section(HomeSection.RECOMMENDATIONS), promotions.section(HomeSection.PROMOTIONS));
		}
	}

}
