package dev.loomflux.domain.catalog;

/**
 * The catalog's SQL, shared so that both services send PostgreSQL exactly the same
 * statements (JdbcClient and R2DBC's DatabaseClient both expand {@code :name}
 * parameters). Always parameterised.
 */
public final class ProductSql {

	private static final String COLUMNS = "SELECT id, sku, name, description, category, price_cents, stock FROM products";

	public static final String FIND_BY_ID = COLUMNS + " WHERE id = :id";

	/** Every product, in id order: what the comparison caches for a floor. */
	public static final String ALL = COLUMNS + " ORDER BY id";

	/**
	 * The batched lookup behind carts and recommendations: one query for all cache
	 * misses.
	 */
	public static final String FIND_BY_IDS = COLUMNS + " WHERE id IN (:ids) ORDER BY id";

	public static final String FIND_PAGE = COLUMNS + " WHERE id > :after ORDER BY id LIMIT :limit";

	public static final String FIND_PAGE_IN_CATEGORY = COLUMNS
			+ " WHERE category = :category AND id > :after ORDER BY id LIMIT :limit";

	/**
	 * Which of the given ids exist: one query for a whole price stream's products; both
	 * JdbcClient and DatabaseClient expand a collection into {@code IN (?, ?, ...)}.
	 */
	public static final String EXISTING_IDS = "SELECT id FROM products WHERE id IN (:ids)";

	private ProductSql() {
	}

	/**
	 * The statement for a page: one row more than the page holds, to learn whether
	 * another follows.
	 */
	public static String page(ProductQuery query) {
		return (query.category() != null) ? FIND_PAGE_IN_CATEGORY : FIND_PAGE;
	}

}
