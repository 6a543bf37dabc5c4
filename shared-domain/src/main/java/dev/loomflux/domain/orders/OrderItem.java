package dev.loomflux.domain.orders;

/** One line of an order, at the unit price it was placed at. */
public record OrderItem(long productId, int quantity, long unitPriceCents) {

	long lineTotalCents() {
		return this.quantity * this.unitPriceCents;
	}

}
