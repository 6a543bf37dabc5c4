package dev.loomflux.gatling.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;

/** Orders with idempotency keys. */
public final class Orders {

	private Orders() {
	}

	/**
	 * {@code POST /api/orders} with the session's {@code idempotencyKey} and
	 * {@code orderBody}, as the session's {@code customerId}. 201 created; 409
	 * insufficient stock is a correct answer on hot products, so it counts as success;
	 * the order id is kept for the duplicate check.
	 */
	public static HttpRequestActionBuilder place(String name) {
		return http(name).post("/api/orders")
			.header("Authorization", Tokens::bearer)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "#{idempotencyKey}")
			.body(StringBody("#{orderBody}"))
			.check(Api.expect(201, 409))
			.check(jsonPath("$.id").optional().saveAs("orderId"));
	}

	/**
	 * The same key and body again: the IETF draft says the original order comes back
	 * (200), never a second one, so a different id fails the check.
	 */
	public static HttpRequestActionBuilder replay() {
		return http("order-duplicate").post("/api/orders")
			.header("Authorization", Tokens::bearer)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "#{idempotencyKey}")
			.body(StringBody("#{orderBody}"))
			.check(Api.expect(200))
			.check(jsonPath("$.id").isEL("#{orderId}"));
	}

}
