package dev.loomflux.gatling.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** The BFF aggregate: customer, cart, recent orders, recommendations, promotions. */
public final class Home {

	private Home() {
	}

	/** {@code GET /api/customers/{customerId}/home}; a degraded page is still a 200. */
	public static HttpRequestActionBuilder home() {
		return http("home").get("/api/customers/#{customerId}/home").check(Api.expect(200));
	}

}
