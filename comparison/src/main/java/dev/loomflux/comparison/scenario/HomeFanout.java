package dev.loomflux.comparison.scenario;

import java.util.Map;

/**
 * the BFF aggregate at rising rates, its downstream slowed: the knee, p99 within 300 ms.
 */
public final class HomeFanout extends KneeScenario {

	public static final String NAME = "home-fanout";

	public HomeFanout() {
		super(NAME, 300);
	}

	/**
	 * Home pages only.
	 */
	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.mix(Map.of(WarmupRequest.HOME, 100));
	}

}
