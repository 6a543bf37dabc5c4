package dev.loomflux.domain.orders;

/**
 * One line of {@link CreateOrderRequest}. Boxed, so that a missing value is told apart
 * from zero.
 */
public record OrderItemRequest(Long productId, Integer quantity) {

}
