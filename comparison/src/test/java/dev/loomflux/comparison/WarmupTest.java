package dev.loomflux.comparison;

import java.util.Arrays;
import java.util.List;

import dev.loomflux.comparison.scenario.Scenarios;
import dev.loomflux.comparison.scenario.WarmupRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WarmupTest {

	private static final List<Double> QUIET = List.of(0.2, 0.1, 0.015, 0.01, 0.0);

	@Test
	void shouldBeSteadyOnlyWhenTheLastRoundsNoLongerClimb() {
		assertThat(Warmup.steady(List.of(100.0, 500.0, 990.0, 1000.0, 1020.0), QUIET, 3, 0.05)).isTrue();
		assertThat(Warmup.steady(List.of(100.0, 500.0, 900.0, 1000.0, 1100.0), QUIET, 3, 0.05)).as("still climbing")
			.isFalse();
		assertThat(Warmup.steady(List.of(100.0, 500.0, 1000.0, 1250.0, 980.0), QUIET, 3, 0.05))
			.as("scattered by 26 %, not climbing")
			.isTrue();
		assertThat(Warmup.steady(List.of(100.0, 500.0, 1000.0, 900.0, 800.0), QUIET, 3, 0.05)).as("falling").isTrue();
		assertThat(Warmup.steady(List.of(1000.0, 1000.0), List.of(0.0, 0.0), 3, 0.05)).as("too few rounds").isFalse();
		assertThat(Warmup.steady(List.of(0.0, 0.0, 0.0), List.of(0.0, 0.0, 0.0), 3, 0.05)).as("nothing answered")
			.isFalse();
	}

	@Test
	void shouldMeasureTheClimbAlongTheRoundsLeastSquaresLine() {
		assertThat(Warmup.climb(List.of(1.0, 900.0, 1000.0, 1100.0), 3)).isCloseTo(0.2, within(1e-9));
		assertThat(Warmup.climb(List.of(1000.0, 1300.0, 1000.0), 3)).as("a spike in the middle").isZero();
		assertThat(Warmup.climb(List.of(1000.0, 1100.0, 1200.0, 1300.0), 4)).isCloseTo(300.0 / 1150, within(1e-9));
		assertThat(Warmup.climb(List.of(1000.0, 900.0), 2)).isCloseTo(-100.0 / 950, within(1e-9));
		assertThat(Warmup.climb(List.of(1000.0, 1000.0), 3)).as("too few rounds").isNull();
		assertThat(Warmup.climb(List.of(0.0, 0.0, 0.0), 3)).as("nothing answered").isNull();
	}

	@Test
	void shouldNotBeSteadyWhileTheJitStillCompiles() {
		List<Double> plateau = List.of(100.0, 500.0, 990.0, 1000.0, 1020.0);
		// C2 at 31 % of the core was seen after a throughput plateau
		assertThat(Warmup.steady(plateau, List.of(0.4, 0.3, 0.31, 0.005, 0.0), 3, 0.05)).isFalse();
		assertThat(Warmup.steady(plateau, List.of(0.4, 0.3, 0.0, 3 * Warmup.MAX_JIT_SHARE, 0.0), 3, 0.05))
			.as("at the limit over the three rounds is not under it")
			.isFalse();
		assertThat(Warmup.steady(plateau, List.of(0.4, 0.3, 0.0, 0.05, 0.0), 3, 0.05))
			.as("one late compilation in an otherwise quiet stretch")
			.isTrue();
		assertThat(Warmup.steady(plateau, Arrays.asList(0.4, 0.3, 0.0, null, 0.0), 3, 0.05))
			.as("a round whose JIT time could not be read")
			.isFalse();
	}

	@Test
	void shouldPauseTheLoadUntilTheCompilerStopsWorking() throws InterruptedException {
		// the compiler works through 4 more readings, then idles
		java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Supplier<Long> ticks = () -> (long) Math.min(readings.incrementAndGet(), 5);

		Warmup.letTheCompilerCatchUp(ticks, System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos());

		assertThat(readings).as("read until two readings agreed").hasValue(6);
	}

	@Test
	void shouldNotPauseWhenTheCompilerCannotBeRead() throws InterruptedException {
		java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();

		Warmup.letTheCompilerCatchUp(() -> {
			readings.incrementAndGet();
			return null;
		}, System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos());

		assertThat(readings).hasValue(1);
	}

	@Test
	void shouldWarmEachScenarioWithItsOwnRequests() {
		assertThat(Scenarios.named("catalog-read").warmupMix()).containsOnlyKeys(WarmupRequest.PRODUCT,
				WarmupRequest.PAGE);
		assertThat(Scenarios.named("orders").warmupMix()).containsOnlyKeys(WarmupRequest.ORDER);
		assertThat(Scenarios.named("connections").warmupMix()).containsOnlyKeys(WarmupRequest.STREAM);
		assertThat(Scenarios.named("mixed").warmupMix()).isEqualTo(WarmupRequest.MIXED);
		assertThat(WarmupRequest.EVERY_ENDPOINT).as("the first warm-up's").containsOnlyKeys(WarmupRequest.values());
		assertThat(WarmupRequest.EVERY_ENDPOINT.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
		for (String scenario : List.of("catalog-read", "home-fanout", "concurrency-sweep", "cpu-neighbour", "orders",
				"mixed", "connections")) {
			assertThat(Scenarios.named(scenario).warmupMix().values().stream().mapToInt(Integer::intValue).sum())
				.as(scenario)
				.isEqualTo(100);
		}
	}

}
