package dev.loomflux.domain.catalog;

/**
 * A product as the API shows it and as the cache stores it ({@code product:{id}} in Redis
 * holds this record as JSON, so both services can read each other's cache entries).
 */
public record Product(long id, String sku, String name, String description, String category, long priceCents,
		int stock) {

	/**
	 * The Redis key of a cached product; both services use it, so they share cache
	 * entries.
	 */
	public static String cacheKey(long id) {
		return "product:" + id;
	}

}
