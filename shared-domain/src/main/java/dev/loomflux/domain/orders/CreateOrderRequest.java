package dev.loomflux.domain.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.error.Violation;
import dev.loomflux.domain.json.JsonBodies;

/**
 * The body of {@code POST /api/orders}: 1 to {@value #MAX_ITEMS} lines, each product at
 * most once, 1 to {@value #MAX_QUANTITY} of it. The customer is the bearer token's; a
 * {@code customerId} in the body is optional and, if sent, must be that customer.
 */
public record CreateOrderRequest(Long customerId, List<OrderItemRequest> items) {

	public static final int MAX_ITEMS = 50;

	public static final int MAX_QUANTITY = 100;

	/**
	 * Parses and validates the raw body, reporting every invalid field at once, for the
	 * token's customer.
	 * @param customer the customer the bearer token speaks for
	 * @throws ApiException {@code MALFORMED_REQUEST} or {@code VALIDATION_FAILED};
	 * {@code CUSTOMER_MISMATCH} for a valid body naming another customer
	 */
	public static CreateOrderRequest parse(byte[] body, long customer) {
		CreateOrderRequest request = JsonBodies.read(body, CreateOrderRequest.class);
		List<Violation> violations = new ArrayList<>();
		if (request.customerId() != null && request.customerId() <= 0) {
			violations.add(new Violation("customerId", Ids.POSITIVE_ID));
		}
		if (request.items() == null) {
			violations.add(new Violation("items", "is required"));
		}
		else if (request.items().isEmpty() || request.items().size() > MAX_ITEMS) {
			violations.add(new Violation("items", "must hold 1 to " + MAX_ITEMS + " items"));
		}
		else {
			checkItems(request.items(), violations);
		}
		JsonBodies.requireValid(violations);
		if (request.customerId() != null && request.customerId() != customer) {
			throw new ApiException(ErrorCode.CUSTOMER_MISMATCH, ErrorCode.CUSTOMER_MISMATCH.defaultDetail());
		}
		return new CreateOrderRequest(customer, request.items());
	}

	private static void checkItems(List<OrderItemRequest> items, List<Violation> violations) {
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			OrderItemRequest item = items.get(i);
			String field = "items[" + i + "]";
			if (item == null) {
				violations.add(new Violation(field, "is required"));
				continue;
			}
			if (item.productId() == null) {
				violations.add(new Violation(field + ".productId", "is required"));
			}
			else if (item.productId() <= 0) {
				violations.add(new Violation(field + ".productId", Ids.POSITIVE_ID));
			}
			else if (!seen.add(item.productId())) {
				violations.add(new Violation(field + ".productId", "is already ordered in an earlier item"));
			}
			if (item.quantity() == null) {
				violations.add(new Violation(field + ".quantity", "is required"));
			}
			else if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
				violations.add(new Violation(field + ".quantity", "must be between 1 and " + MAX_QUANTITY));
			}
		}
	}

	/**
	 * The ordered product ids in ascending order: the order in which rows are locked, so
	 * that two orders sharing products always lock them in the same order and cannot
	 * deadlock.
	 */
	public List<Long> productIds() {
		return this.items.stream().map(OrderItemRequest::productId).sorted().toList();
	}

	/**
	 * The SHA-256 (hex) of the request in a canonical form (items sorted by product id),
	 * stored with the order: a replay with the same key must carry the same payload, and
	 * "the same" must not depend on item order, whitespace or which service hashed it.
	 */
	public String hash() {
		StringBuilder canonical = new StringBuilder("customerId=").append(this.customerId).append(";items=");
		this.items.stream()
			.sorted(Comparator.comparing(OrderItemRequest::productId))
			.forEach((item) -> canonical.append(item.productId()).append('x').append(item.quantity()).append(','));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	int quantityOf(long productId) {
		return this.items.stream()
			.filter((item) -> item.productId() == productId)
			.findFirst()
			.map(OrderItemRequest::quantity)
			.orElseThrow();
	}

}
