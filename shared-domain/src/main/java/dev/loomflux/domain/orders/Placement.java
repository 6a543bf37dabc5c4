package dev.loomflux.domain.orders;

/**
 * What {@code POST /api/orders} did: placed the order ({@code created}, 201), or found
 * the order a previous request with the same key placed (a replay, 200).
 */
public record Placement(Order order, boolean created) {

}
