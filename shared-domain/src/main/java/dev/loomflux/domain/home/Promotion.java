package dev.loomflux.domain.home;

/** A promotion the promotions service offers on a product. */
public record Promotion(long productId, int discountPercent, String label) {
}
