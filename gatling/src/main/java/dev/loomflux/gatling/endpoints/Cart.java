package dev.loomflux.gatling.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/** The cart in Redis. */
public final class Cart {

	private Cart() {
	}

	/**
	 * {@code PUT /api/customers/{customerId}/cart/items/{productId}} with
	 * {@code quantity}.
	 */
	public static HttpRequestActionBuilder putItem() {
		return http("cart").put("/api/customers/#{customerId}/cart/items/#{productId}")
			.header("Authorization", Tokens::bearer)
			.header("Content-Type", "application/json")
			.body(StringBody("{\"quantity\":#{quantity}}"))
			.check(Api.expect(200));
	}

}
