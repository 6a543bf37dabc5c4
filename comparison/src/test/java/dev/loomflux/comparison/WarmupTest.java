package dev.loomflux.comparison;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarmupTest {

	@Test
	void shouldBeSteadyOnlyWhenTheLastRoundsAgreeWithinTheTolerance() {
		assertThat(Warmup.steady(List.of(100.0, 500.0, 990.0, 1000.0, 1020.0), 3, 0.05)).isTrue();
		assertThat(Warmup.steady(List.of(100.0, 500.0, 900.0, 1000.0, 1100.0), 3, 0.05)).as("still climbing").isFalse();
		assertThat(Warmup.steady(List.of(1000.0, 1000.0), 3, 0.05)).as("too few rounds").isFalse();
		assertThat(Warmup.steady(List.of(0.0, 0.0, 0.0), 3, 0.05)).as("nothing answered").isFalse();
	}

}
