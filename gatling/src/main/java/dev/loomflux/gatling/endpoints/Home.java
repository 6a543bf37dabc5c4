package dev.loomflux.gatling.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;

/** The BFF aggregate: customer, cart, recent orders, recommendations, promotions. */
public final class Home {

	private Home() {
	}

	/**
	 * {@code GET /api/customers/{customerId}/home}. A degraded page is still a 200 to its
	 * client, but it counts as a failure here: past the knee, late downstream calls (and
	 * then an open circuit breaker) turn pages into fast pages without sections, and
	 * counting those as successes would hide the knee behind good latencies.
	 */
	public static HttpRequestActionBuilder home() {
		return http("home").get("/api/customers/#{customerId}/home")
			.header("Authorization", Tokens::bearer)
			.check(Api.expect(200))
			.check(jsonPath("$.degraded[0]").notExists());
	}

}
