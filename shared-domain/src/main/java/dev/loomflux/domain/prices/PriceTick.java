package dev.loomflux.domain.prices;

import java.time.Instant;

/**
 * The {@code data} of one {@code price} event on {@code GET /api/prices/stream} (schema
 * {@code PriceTick} in {@code openapi.yaml}).
 *
 * @param productId the product
 * @param priceCents its price in that second
 * @param at the second, as ISO-8601 UTC text ({@code 2026-01-01T00:00:00Z}); text rather
 * than an {@link Instant} so that no JSON mapper setting can make the two services write
 * it differently
 */
public record PriceTick(long productId, long priceCents, String at) {

	/** The tick of a product in the second starting at {@code epochSecond}. */
	public static PriceTick of(long productId, long epochSecond) {
		return new PriceTick(productId, Prices.priceCents(productId, epochSecond),
				Instant.ofEpochSecond(epochSecond).toString());
	}

}
