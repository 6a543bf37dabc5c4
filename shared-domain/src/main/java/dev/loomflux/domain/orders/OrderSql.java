package dev.loomflux.domain.orders;

/**
 * The orders' SQL, shared so that both services send PostgreSQL exactly the same
 * statements in the same order. Always parameterised.
 */
public final class OrderSql {

	/**
	 * A transaction-scoped advisory lock on the key, tried, never waited for: a second
	 * request with a key whose first request is still running answers 409 at once instead
	 * of holding a connection while it waits. The lock goes with the transaction, so it
	 * can never outlive the order's commit or rollback. Keys belong to their customer
	 * (the customer id seeds the hash), so one customer's key never blocks another's. Two
	 * keys with the same 64-bit hash merely share a lock (a needless 409, never a wrong
	 * order).
	 */
	public static final String TRY_LOCK_KEY = "SELECT pg_try_advisory_xact_lock(hashtextextended(:key, :customerId))";

	private static final String ORDER_WITH_ITEMS = """
			SELECT o.id, o.customer_id, o.status, o.total_cents, o.request_hash, o.created_at,
			       i.product_id, i.quantity, i.unit_price_cents
			FROM orders o JOIN order_items i ON i.order_id = o.id
			""";

	public static final String FIND_BY_ID = ORDER_WITH_ITEMS + "WHERE o.id = :id ORDER BY i.product_id";

	/**
	 * The customer's order under this key: a key is the customer's own (IETF
	 * Idempotency-Key draft: unique per client), so another customer's order under the
	 * same key is neither replayed nor revealed.
	 */
	public static final String FIND_BY_KEY = ORDER_WITH_ITEMS
			+ "WHERE o.customer_id = :customerId AND o.idempotency_key = :key ORDER BY i.product_id";

	/**
	 * Locks the ordered products' rows in id order, so that concurrent orders sharing
	 * products queue behind each other instead of deadlocking.
	 */
	public static final String LOCK_PRODUCTS = "SELECT id, price_cents, stock FROM products WHERE id IN (:ids) ORDER BY id FOR UPDATE";

	/**
	 * Takes the stock and writes the order with its lines, in one round trip, while the
	 * transaction holds the products' row locks ({@link #LOCK_PRODUCTS}): orders for the
	 * same hot products go through one at a time, so every round trip under those locks
	 * is time each waiting buyer waits too (one statement per line took up to eight).
	 * Stock was checked under the lock, so it cannot go below zero (and the CHECK
	 * constraint would refuse it if it did). The key and the payload hash are written
	 * with the order: there is never a key without its order or the reverse. The lines
	 * are three lists of equal length in product id order, which both clients expand like
	 * {@code IN (:ids)}.
	 */
	public static final String PLACE = """
			WITH line (product_id, quantity, unit_price_cents) AS (
			    SELECT * FROM unnest(ARRAY[:productIds]::bigint[], ARRAY[:quantities]::integer[],
			                         ARRAY[:unitPrices]::bigint[])
			), stock_taken AS (
			    UPDATE products p SET stock = p.stock - line.quantity, version = p.version + 1, updated_at = now()
			    FROM line WHERE p.id = line.product_id
			), placed AS (
			    INSERT INTO orders (customer_id, status, total_cents, idempotency_key, request_hash)
			    VALUES (:customerId, :status, :totalCents, :key, :requestHash)
			    RETURNING id, created_at
			), lines_written AS (
			    INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
			    SELECT placed.id, line.product_id, line.quantity, line.unit_price_cents FROM placed, line
			)
			SELECT id, created_at FROM placed""";

	private OrderSql() {
	}

}
