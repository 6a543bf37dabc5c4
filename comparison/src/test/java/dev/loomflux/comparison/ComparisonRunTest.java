package dev.loomflux.comparison;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonRunTest {

	private static final List<String> VARIANTS = List.of("loom", "platform", "reactive", "reactive-inline");

	@Test
	void shouldAlternateTheVariantOrderFromOneRepeatToTheNext() {
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 1)).containsExactly("loom", "platform", "reactive",
				"reactive-inline");
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 2)).containsExactly("reactive-inline", "reactive", "platform",
				"loom");
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 3)).containsExactly("loom", "platform", "reactive",
				"reactive-inline");
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 4)).containsExactly("reactive-inline", "reactive", "platform",
				"loom");
	}

	@Test
	void shouldGiveEveryVariantTheSameAverageSlotOverTwoRepeats() {
		for (String variant : VARIANTS) {
			int slots = ComparisonRun.inRepeatOrder(VARIANTS, 1).indexOf(variant)
					+ ComparisonRun.inRepeatOrder(VARIANTS, 2).indexOf(variant);
			assertThat(slots).as(variant).isEqualTo(VARIANTS.size() - 1);
		}
	}

}
