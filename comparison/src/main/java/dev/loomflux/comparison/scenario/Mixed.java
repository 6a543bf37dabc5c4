package dev.loomflux.comparison.scenario;

import java.util.Map;

/**
 * reads, home pages, carts, insights and orders together at rising rates: the knee, p99
 * within 500 ms.
 */
public final class Mixed extends KneeScenario {

	public static final String NAME = "mixed";

	public Mixed() {
		super(NAME, 500);
	}

	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.MIXED;
	}

}
