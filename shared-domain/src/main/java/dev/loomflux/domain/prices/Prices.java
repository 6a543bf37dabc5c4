package dev.loomflux.domain.prices;

import dev.loomflux.domain.random.SplitMix64;

/**
 * The live price of a product in a given second: a pure function of the product id and
 * the epoch second, so both services stream the same price for the same product and
 * second without sharing any state, and a test can compute what a stream must show.
 * <p>
 * Each product has a base price of 5.00 to 104.99 derived from its id; the live price
 * moves around it by up to ±5 %, differently every second.
 */
public final class Prices {

	private static final long MIN_BASE_CENTS = 500;

	private static final long BASE_RANGE_CENTS = 10_000;

	/** The largest move away from the base price, in basis points (5 %). */
	private static final long MAX_MOVE_BASIS_POINTS = 500;

	private Prices() {
	}

	public static long priceCents(long productId, long epochSecond) {
		long base = MIN_BASE_CENTS + Math.floorMod(SplitMix64.mix(productId), BASE_RANGE_CENTS);
		long moveBasisPoints = Math.floorMod(SplitMix64.mix(productId ^ SplitMix64.mix(epochSecond)),
				2 * MAX_MOVE_BASIS_POINTS + 1) - MAX_MOVE_BASIS_POINTS;
		return base + base * moveBasisPoints / 10_000;
	}

}
