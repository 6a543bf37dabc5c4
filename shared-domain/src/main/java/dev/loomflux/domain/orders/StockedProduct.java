package dev.loomflux.domain.orders;

/** A product row locked by {@link OrderSql#LOCK_PRODUCTS}: its price and stock now. */
public record StockedProduct(long id, long priceCents, int stock) {

}
