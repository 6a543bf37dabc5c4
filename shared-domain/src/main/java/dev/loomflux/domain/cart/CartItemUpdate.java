package dev.loomflux.domain.cart;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.json.JsonBodies;

/**
 * The body of {@code PUT /api/customers/{id}/cart/items/{productId}}: the new quantity, 0
 * to remove the item.
 *
 * @param quantity 0..{@value #MAX_QUANTITY}
 */
public record CartItemUpdate(Integer quantity) {

	public static final int MAX_QUANTITY = 100;

	/**
	 * Parses and validates the raw body.
	 * @throws ApiException {@code MALFORMED_REQUEST} or {@code VALIDATION_FAILED}
	 */
	public static CartItemUpdate parse(byte[] body) {
		CartItemUpdate update = JsonBodies.read(body, CartItemUpdate.class);
		if (update.quantity() == null) {
			throw ApiException.validation("quantity", "is required");
		}
		if (update.quantity() < 0 || update.quantity() > MAX_QUANTITY) {
			throw ApiException.validation("quantity", "must be between 0 and " + MAX_QUANTITY);
		}
		return update;
	}

}
