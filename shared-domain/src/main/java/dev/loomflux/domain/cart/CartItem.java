package dev.loomflux.domain.cart;

/** One line of a cart, with the product's current name and price. */
public record CartItem(long productId, String name, long priceCents, int quantity, long lineTotalCents) {
}
