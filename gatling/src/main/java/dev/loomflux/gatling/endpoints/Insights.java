package dev.loomflux.gatling.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** The deliberately CPU-bound price simulation. */
public final class Insights {

	private Insights() {
	}

	/**
	 * {@code GET /api/products/{productId}/insights} at the session's {@code horizonDays}
	 * and {@code paths}; 503 OVERLOADED past the service's concurrency cap is a failure
	 * here.
	 */
	public static HttpRequestActionBuilder insights(String name) {
		return http(name).get("/api/products/#{productId}/insights?horizonDays=#{horizonDays}&paths=#{paths}")
			.check(Api.expect(200));
	}

}
