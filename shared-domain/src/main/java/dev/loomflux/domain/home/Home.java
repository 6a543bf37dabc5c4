package dev.loomflux.domain.home;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.customer.Customer;

/**
 * The BFF aggregate behind {@code GET /api/customers/{id}/home}. A section that failed or
 * missed the deadline is left out (not {@code null}) and named in {@code degraded}, in a
 * fixed order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Home(Customer customer, Cart cart, List<OrderSummary> recentOrders, List<Product> recommendations,
		List<Promotion> promotions, List<HomeSection> degraded) {

	public static Home of(Customer customer, Section<Cart> cart, Section<List<OrderSummary>> recentOrders,
			Section<List<Product>> recommendations, Section<List<Promotion>> promotions) {
		List<HomeSection> degraded = new ArrayList<>();
		for (Section<?> section : List.of(cart, recentOrders, recommendations, promotions)) {
			if (section.value().isEmpty()) {
				degraded.add(section.name());
			}
		}
		return new Home(customer, cart.orNull(), recentOrders.orNull(), recommendations.orNull(), promotions.orNull(),
				List.copyOf(degraded));
	}

	/**
	 * The products promotions are asked for: the cart's, then the recommended ones,
	 * without repeats. Either list may be missing when its section failed.
	 */
	public static List<Long> promotionCandidates(List<Long> cartProductIds, List<Long> recommendedProductIds) {
		Set<Long> ids = new LinkedHashSet<>(cartProductIds);
		ids.addAll(recommendedProductIds);
		return List.copyOf(ids);
	}

}
