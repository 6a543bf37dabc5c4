package dev.loomflux.domain.insights;

/**
 * The summary of one simulation, as {@code GET /api/products/{id}/insights} returns it
 * (schema {@code Insights} in {@code openapi.yaml}).
 *
 * @param productId the product simulated
 * @param horizonDays days each path runs
 * @param paths paths simulated
 * @param startPriceCents the product's current price, where every path starts
 * @param meanPriceCents the mean final price, rounded to the cent
 * @param p5PriceCents the 5th percentile of final prices (nearest rank)
 * @param p95PriceCents the 95th percentile of final prices (nearest rank)
 * @param probabilityOfLoss the share of paths that end below the start price
 */
public record Insights(long productId, int horizonDays, int paths, long startPriceCents, long meanPriceCents,
		long p5PriceCents, long p95PriceCents, double probabilityOfLoss) {
}
