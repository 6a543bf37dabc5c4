package dev.loomflux.domain.home;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The optional sections of the home page: any of them may be left out and named in
 * {@code degraded}.
 */
public enum HomeSection {

	CART("cart"), RECENT_ORDERS("recentOrders"), RECOMMENDATIONS("recommendations"), PROMOTIONS("promotions");

	private final String jsonName;

	HomeSection(String jsonName) {
		this.jsonName = jsonName;
	}

	@JsonValue
	public String jsonName() {
		return this.jsonName;
	}

}
