package dev.loomflux.gatling.endpoints;

import java.util.List;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/** The catalog: product reads (Redis hits for hot ids) and keyset pages. */
public final class Catalog {

	/** The seed's categories (V2__seed.sql), for list pages. */
	private static final List<String> CATEGORIES = List.of("books", "electronics", "garden", "kitchen", "toys",
			"sports", "music", "movies", "fashion", "beauty", "health", "automotive", "tools", "office", "pets", "baby",
			"grocery", "outdoors", "games", "home");

	private Catalog() {
	}

	/** {@code GET /api/products/{productId}}; the session's {@code productId}. */
	public static HttpRequestActionBuilder product() {
		return http("product").get("/api/products/#{productId}").check(Api.expect(200));
	}

	/** {@code GET /api/products?category=&limit=20}; the session's {@code category}. */
	public static HttpRequestActionBuilder page() {
		return http("product-page").get("/api/products?category=#{category}&limit=20").check(Api.expect(200));
	}

	public static String randomCategory() {
		return CATEGORIES.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(CATEGORIES.size()));
	}

}
