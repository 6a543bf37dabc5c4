package dev.loomflux.comparison.scenario;

import java.util.EnumMap;
import java.util.Map;

/**
 * The requests a warm-up sends ({@code Warmup}); a scenario names its own mix of them
 * ({@link Scenario#warmupMix()}).
 */
public enum WarmupRequest {

	PRODUCT, PAGE, HOME, CART, INSIGHTS, ORDER;

	/**
	 * As in MixedSimulation: every endpoint the scenarios use; a fresh JVM's first
	 * warm-up, and the warm-up of a scenario with no mix of its own.
	 */
	public static final Map<WarmupRequest, Integer> EVERY_ENDPOINT = mix(
			Map.of(PRODUCT, 50, PAGE, 10, HOME, 20, CART, 10, INSIGHTS, 5, ORDER, 5));

	/**
	 * Shares in percent, in the order of this enum, so that a warm-up's draws are
	 * reproducible.
	 */
	public static Map<WarmupRequest, Integer> mix(Map<WarmupRequest, Integer> percent) {
		return java.util.Collections.unmodifiableMap(new EnumMap<>(percent));
	}

}
