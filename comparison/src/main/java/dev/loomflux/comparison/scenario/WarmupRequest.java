package dev.loomflux.comparison.scenario;

import java.util.EnumMap;
import java.util.Map;

/**
 * The requests a warm-up sends ({@code Warmup}); a scenario names its own mix of them
 * ({@link Scenario#warmupMix()}).
 */
public enum WarmupRequest {

	PRODUCT, PAGE, HOME, CART, INSIGHTS, ORDER,

	/**
	 * A price stream of two products, held until its first tick and then closed, as the
	 * connections scenario opens them.
	 */
	STREAM;

	/** As in MixedSimulation: reads, home pages, carts, insights and orders. */
	public static final Map<WarmupRequest, Integer> MIXED = mix(
			Map.of(PRODUCT, 50, PAGE, 10, HOME, 20, CART, 10, INSIGHTS, 5, ORDER, 5));

	/**
	 * Every endpoint the scenarios use, price streams included, a fresh JVM's first
	 * warm-up; more orders than the mixed scenario sends. The scenarios' short warm-ups
	 * of their own left the JIT at 7-8 % of their last rounds where this mix had no
	 * streams (connections) and at 4-6 % where it had 5 % orders (orders: a JFR recording
	 * found the order path's transaction, repository and Reactor code compiled there, and
	 * its branches deoptimized as not taken before); reactive on the 2-core VM, 3
	 * December.
	 */
	public static final Map<WarmupRequest, Integer> EVERY_ENDPOINT = mix(
			Map.of(PRODUCT, 35, PAGE, 10, HOME, 20, CART, 10, INSIGHTS, 5, ORDER, 15, STREAM, 5));

	/**
	 * Cached product reads only: a floor's whole repertoire (docs/comparison.md, "The
	 * floors"), so its first warm-up as well as the cached-read scenario's.
	 */
	public static final Map<WarmupRequest, Integer> PRODUCT_READS = mix(Map.of(PRODUCT, 100));

	/**
	 * Shares in percent, in the order of this enum, so that a warm-up's draws are
	 * reproducible.
	 */
	public static Map<WarmupRequest, Integer> mix(Map<WarmupRequest, Integer> percent) {
		return java.util.Collections.unmodifiableMap(new EnumMap<>(percent));
	}

}
