package dev.loomflux.comparison.scenario;

/**
 * reads, home pages, carts, insights and orders together at rising rates: the knee, p99
 * within 500 ms.
 */
public final class Mixed extends KneeScenario {

	public static final String NAME = "mixed";

	public Mixed() {
		super(NAME, 500);
	}

}
