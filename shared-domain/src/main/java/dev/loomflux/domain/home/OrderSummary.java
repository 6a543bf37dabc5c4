package dev.loomflux.domain.home;

import java.time.Instant;

/** One of the customer's recent orders on the home page. */
public record OrderSummary(long id, String status, long totalCents, int itemCount, Instant createdAt) {

	public static final int RECENT = 5;

	/**
	 * The last {@value #RECENT} orders of a customer, newest first (index
	 * orders_customer_recent).
	 */
	public static final String FIND_RECENT = """
			SELECT o.id, o.status, o.total_cents, o.created_at,
			       (SELECT count(*) FROM order_items i WHERE i.order_id = o.id) AS item_count
			FROM orders o
			WHERE o.customer_id = :customerId
			ORDER BY o.created_at DESC, o.id DESC
			LIMIT 5""";

}
