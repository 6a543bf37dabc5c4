package dev.loomflux.domain.prices;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTickTest {

	private static final long NEW_YEAR_2026 = 1_767_225_600L;

	@Test
	void shouldStampTheSecondInIsoUtc() {
		assertThat(PriceTick.of(1, NEW_YEAR_2026).at()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(PriceTick.of(1, NEW_YEAR_2026 + 61).at()).isEqualTo("2026-01-01T00:01:01Z");
	}

	@Test
	void shouldGiveTheSamePriceForTheSameProductAndSecond() {
		assertThat(PriceTick.of(5, NEW_YEAR_2026)).isEqualTo(PriceTick.of(5, NEW_YEAR_2026));
	}

	@Test
	void shouldMoveWithinFivePercentOfTheProductsBasePrice() {
		Set<Long> prices = LongStream.range(0, 1000)
			.mapToObj((second) -> Prices.priceCents(1, NEW_YEAR_2026 + second))
			.collect(Collectors.toSet());

		long low = prices.stream().mapToLong(Long::longValue).min().orElseThrow();
		long high = prices.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(prices).hasSizeGreaterThan(100);
		assertThat(low).isPositive();
		assertThat((double) high / low).isLessThanOrEqualTo(1.05 / 0.95);
	}

	@Test
	void shouldPriceProductsDifferently() {
		Set<Long> prices = LongStream.rangeClosed(1, 50)
			.mapToObj((id) -> Prices.priceCents(id, NEW_YEAR_2026))
			.collect(Collectors.toSet());

		assertThat(prices).hasSizeGreaterThan(40);
	}

}
