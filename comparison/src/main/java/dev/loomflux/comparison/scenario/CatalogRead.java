package dev.loomflux.comparison.scenario;

/**
 * product reads (Redis hits) and list pages at rising rates: the knee, p99 within 100 ms.
 */
public final class CatalogRead extends KneeScenario {

	public static final String NAME = "catalog-read";

	public CatalogRead() {
		super(NAME, 100);
	}

}
