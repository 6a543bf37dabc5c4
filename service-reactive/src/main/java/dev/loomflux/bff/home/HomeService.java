package dev.loomflux.bff.home;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.bff.cart.CartService;
import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.customer.Customer;
import dev.loomflux.domain.home.Home;
import dev.loomflux.domain.home.HomeSection;
import dev.loomflux.domain.home.Promotion;
import dev.loomflux.domain.home.Section;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The home page fan-out, as one Reactor composition: every branch is subscribed at once
 * when the sections are zipped; promotions is composed from the cart and the
 * recommendations it depends on (cached, so each is fetched once); the customer is read
 * alongside. The latency is the longest chain (recommendations, then promotions), not the
 * sum of the calls.
 */
@Service
class HomeService {

	private static final Logger log = LoggerFactory.getLogger(HomeService.class);

	private final CustomerRepository customers;

	private final CartService carts;

	private final RecentOrders recentOrders;

	private final CatalogService catalog;

	private final DownstreamClient downstream;

	private final Duration deadline;

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

	Mono<Home> getHome(long customerId) {
		Mono<Cart> cart = this.carts.cartOf(customerId).cache();
		Mono<List<Long>> recommendedIds = this.downstream.recommendations(customerId).cache();
		Mono<List<Product>> recommendations = recommendedIds.flatMap(this.catalog::getProducts);
		Mono<List<Promotion>> promotions = Mono.zip(orEmpty(cart.map(Cart::productIds)), orEmpty(recommendedIds))
			.flatMap((ids) -> this.downstream.promotions(Home.promotionCandidates(ids.getT1(), ids.getT2())));
		Mono<Customer> customer = this.customers.findById(customerId)
			.switchIfEmpty(Mono.error(() -> Customer.notFound(customerId)));
		return Mono
			.zip(customer, section(HomeSection.CART, cart),
					section(HomeSection.RECENT_ORDERS, this.recentOrders.of(customerId)),
					section(HomeSection.RECOMMENDATIONS, recommendations), section(HomeSection.PROMOTIONS, promotions))
			.map((all) -> counted(Home.of(all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5())));
	}

	/**
	 * A branch as a section: its value, or missing if it fails or the deadline passes
	 * first.
	 */
	private <T> Mono<Section<T>> section(HomeSection name, Mono<T> branch) {
		return branch.map((value) -> Section.of(name, value))
			.timeout(this.deadline)
			.onErrorResume(Exception.class, (ex) -> {
				log.debug("Home branch {} failed or late: {}", name, ex.toString());
				return Mono.just(Section.missing(name));
			})
			.defaultIfEmpty(Section.missing(name));
	}

	/**
	 * Promotions still go ahead without a failed input, on the products that are known.
	 */
	private Mono<List<Long>> orEmpty(Mono<List<Long>> ids) {
		return ids.timeout(this.deadline).onErrorReturn(List.of()).defaultIfEmpty(List.of());
	}

}
