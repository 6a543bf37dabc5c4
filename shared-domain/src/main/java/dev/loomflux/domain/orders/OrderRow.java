package dev.loomflux.domain.orders;

import java.time.Instant;

/**
 * One row of {@link OrderSql#FIND_BY_ID} or {@link OrderSql#FIND_BY_KEY}: the order's
 * columns repeated for each of its lines. Both services map their driver's row into this,
 * and {@link Order#of} does the rest.
 */
public record OrderRow(long id, long customerId, String status, long totalCents, String requestHash, Instant createdAt,
		long productId, int quantity, long unitPriceCents) {

}
