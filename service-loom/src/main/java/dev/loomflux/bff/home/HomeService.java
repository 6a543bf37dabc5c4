package dev.loomflux.bff.home;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import dev.loomflux.bff.cart.CartService;
import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.customer.Customer;
import dev.loomflux.domain.home.Home;
import dev.loomflux.domain.home.HomeSection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * The home page fan-out, as straight-line blocking code: every branch is forked at once
 * on a thread of its own (virtual, or pooled platform threads in the {@code platform}
 * variant: {@link FanOut#threads}); promotions waits (blocking, cheaply) for the cart and
 * the recommendations it depends on; the customer is read on the request's own thread
 * meanwhile. The latency is the longest chain (recommendations, then promotions), not the
 * sum of the calls.
 */
@Service
class HomeService implements AutoCloseable {

	private final CustomerRepository customers;

	private final CartService carts;

	private final RecentOrders recentOrders;

	private final CatalogService catalog;

	private final DownstreamClient downstream;

	private final Duration deadline;

	private final ExecutorService fanOutThreads;

	/**
	 * Home pages answered without a section, by section ({@code bff.home.degraded}); all
	 * registered at start, so every section has a series from the first scrape.
	 */
	private final Map<HomeSection, Counter> degraded = new EnumMap<>(HomeSection.class);

	HomeService(CustomerRepository customers, CartService carts, RecentOrders recentOrders, CatalogService catalog,
			DownstreamClient downstream, BffProperties properties, MeterRegistry meters) {
		this.customers = customers;
		this.carts = carts;
		this.recentOrders = recentOrders;
		this.catalog = catalog;
		this.downstream = downstream;
		this.deadline = properties.home().deadline();
		this.fanOutThreads = FanOut.threads(properties.home().fanOut());
		for (HomeSection section : HomeSection.values()) {
			this.degraded.put(section,
					Counter.builder("bff.home.degraded")
						.description("Home pages answered without this section (late, failed or its breaker open)")
						.tag("section", section.jsonName())
						.register(meters));
		}
	}

	private Home counted(Home home) {
		home.degraded().forEach((section) -> this.degraded.get(section).increment());
		return home;
	}

	Home getHome(long customerId) {
		FanOut fanOut = new FanOut(this.fanOutThreads, this.deadline);
		var cart = fanOut.fork(() -> this.carts.cartOf(customerId));
		var recentOrders = fanOut.fork(() -> this.recentOrders.of(customerId));
		var recommendedIds = fanOut.fork(() -> this.downstream.recommendations(customerId));
		var recommendations = fanOut
			.<List<Product>>fork(() -> this.catalog.getProducts(recommendedIds.join().orElseThrow()));
		var promotions = fanOut.fork(() -> this.downstream.promotions(Home.promotionCandidates(
				cart.join().map(Cart::productIds).orElse(List.of()), recommendedIds.join().orElse(List.of()))));
		Customer customer = this.customers.findById(customerId).orElseThrow(() -> Customer.notFound(customerId));
		return counted(Home.of(customer, cart.section(HomeSection.CART),
				recentOrders.section(HomeSection.RECENT_ORDERS), recommendations.section(HomeSection.RECOMMENDATIONS),
				promotions.section(HomeSection.PROMOTIONS)));
	}

	/**
	 * At shutdown, after the requests in flight: branches still running finish by
	 * themselves, as they would after their request.
	 */
	@Override
	public void close() {
		this.fanOutThreads.shutdown();
	}

}
