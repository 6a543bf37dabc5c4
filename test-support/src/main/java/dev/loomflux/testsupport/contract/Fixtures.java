package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.loomflux.testsupport.HttpApi;

import static org.awaitility.Awaitility.await;

/**
 * What the contract tests may rely on in the deterministic seed (shared-domain's
 * {@code V2__seed.sql}). Products 1..1000 are read-only fixtures: tests that change stock
 * use products above that range, so the expected bodies here stay true whatever order
 * tests run in.
 */
public final class Fixtures {

	/** Product 1 exactly as the API shows it after a fresh seed. */
	public static final String PRODUCT_1 = """
			{"id":1,"sku":"SKU-00001","name":"Compact Oak Lamp",\
			"description":"The compact oak lamp from our books range.",\
			"category":"books","priceCents":8118,"stock":313}""";

	/** Product 1's price in {@link #PRODUCT_1}. */
	public static final long PRODUCT_1_PRICE_CENTS = 8118;

	public static final int PRODUCTS = 10_000;

	public static final int CATEGORIES = 20;

	/** Products per category: the seed deals them round-robin. */
	public static final int PRODUCTS_PER_CATEGORY = PRODUCTS / CATEGORIES;

	private Fixtures() {
	}

	/**
	 * Waits until the service has its Redis connection, which it opens in the background
	 * after start-up: until then carts answer 503 and product reads skip the cache.
	 */
	public static void awaitRedisConnected(HttpApi api) {
		await().atMost(Duration.ofSeconds(20)).until(() -> api.as(1).get("/api/customers/1/cart").status() == 200);
	}

	/**
	 * A mix of catalog reads that touches every layer: product reads that miss the cache
	 * (so go to PostgreSQL and fill Redis), and list pages.
	 */
	public static List<String> catalogReads(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> (i % 3 == 0) ? "/api/products?category=toys&limit=50" : "/api/products/" + (100 + i))
			.toList();
	}

}
