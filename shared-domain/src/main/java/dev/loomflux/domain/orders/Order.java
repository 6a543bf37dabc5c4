package dev.loomflux.domain.orders;

import java.time.Instant;
import java.util.List;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

/** An order with its lines, as {@code GET /api/orders/{id}} shows it. */
public record Order(long id, long customerId, String status, long totalCents, Instant createdAt,
		List<OrderItem> items) {

	/** The status of every order placed through the API. */
	public static final String CONFIRMED = "CONFIRMED";

	/**
	 * The order the rows of {@link OrderSql#FIND_BY_ID} or {@link OrderSql#FIND_BY_KEY}
	 * describe, or {@code null} for no rows.
	 */
	public static Order of(List<OrderRow> rows) {
		if (rows.isEmpty()) {
			return null;
		}
		OrderRow first = rows.getFirst();
		List<OrderItem> items = rows.stream()
			.map((row) -> new OrderItem(row.productId(), row.quantity(), row.unitPriceCents()))
			.toList();
		return new Order(first.id(), first.customerId(), first.status(), first.totalCents(), first.createdAt(), items);
	}

	/** The order just inserted, with the lines it was inserted with. */
	public static Order placed(long id, long customerId, Instant createdAt, List<OrderItem> items) {
		return new Order(id, customerId, CONFIRMED, OrderLines.totalCents(items), createdAt, items);
	}

	/**
	 * The order a repeated request with the same key gets back, if it carries the same
	 * payload.
	 * @throws ApiException {@code IDEMPOTENCY_KEY_REUSED} for another payload
	 */
	public static Order replay(List<OrderRow> rows, String requestHash) {
		if (!rows.getFirst().requestHash().equals(requestHash)) {
			throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was used with a different request body.");
		}
		return of(rows);
	}

	/**
	 * The order the rows describe, if it is the customer's: another customer's order is
	 * answered as if it did not exist, so that its id tells nothing.
	 * @throws ApiException {@code ORDER_NOT_FOUND} for no rows or another customer's
	 * order
	 */
	public static Order ofCustomer(List<OrderRow> rows, long id, long customerId) {
		if (rows.isEmpty() || rows.getFirst().customerId() != customerId) {
			throw notFound(id);
		}
		return of(rows);
	}

	public static ApiException notFound(long id) {
		return new ApiException(ErrorCode.ORDER_NOT_FOUND, "Order " + id + " does not exist.");
	}

	/**
	 * An order that waited its longest for one of the service's order slots.
	 * @param slots how many orders the service places at once
	 */
	public static ApiException busy(int slots) {
		return new ApiException(ErrorCode.DATABASE_BUSY,
				"Too many orders are being placed at once (" + slots + " at a time here); retry shortly.");
	}

	/**
	 * The ordered products as fields of the customer's cart hash, which a placed order
	 * removes.
	 */
	public String[] cartFields() {
		return this.items.stream().map((item) -> Long.toString(item.productId())).toArray(String[]::new);
	}

	/** The ordered products' cache keys, which a placed order evicts. */
	public String[] cacheKeys() {
		return this.items.stream().map((item) -> Product.cacheKey(item.productId())).toArray(String[]::new);
	}

	/** The path of this order, for the {@code Location} header. */
	public String location() {
		return "/api/orders/" + this.id;
	}

}
