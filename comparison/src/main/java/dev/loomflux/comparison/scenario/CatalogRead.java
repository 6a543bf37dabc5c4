package dev.loomflux.comparison.scenario;

import java.util.Map;

/**
 * product reads (Redis hits) and list pages at rising rates: the knee, p99 within 100 ms.
 */
public final class CatalogRead extends KneeScenario {

	public static final String NAME = "catalog-read";

	public CatalogRead() {
		super(NAME, 100);
	}

	/**
	 * Product reads and list pages, as CatalogReadSimulation sends them.
	 */
	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.mix(Map.of(WarmupRequest.PRODUCT, 90, WarmupRequest.PAGE, 10));
	}

}
