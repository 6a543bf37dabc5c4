package dev.loomflux.domain.prices;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PriceStreamQueryTest {

	@Test
	void shouldKeepTheRequestedOrder() {
		assertThat(PriceStreamQuery.parse("3,1,2").productIds()).containsExactly(3L, 1L, 2L);
		assertThat(PriceStreamQuery.parse("9223372036854775807").productIds()).containsExactly(Long.MAX_VALUE);
	}

	@Test
	void shouldAcceptFiftyIds() {
		assertThat(PriceStreamQuery.parse(ids(50)).productIds()).hasSize(50);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", ",", "1,", ",1", "1,,2", "0", "-1", "abc", "1;2", "1, 2", "1,1", "9223372036854775808",
			"\u0661" })
	void shouldRejectAnythingButDistinctPositiveIds(String ids) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PriceStreamQuery.parse(ids))
			.extracting(ApiException::violations)
			.isEqualTo(List.of(new Violation("ids", PriceStreamQuery.IDS_MESSAGE)));
	}

	@Test
	void shouldRejectMoreThanFiftyIds() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> PriceStreamQuery.parse(ids(51)));
	}

	private static String ids(int count) {
		return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).collect(Collectors.joining(","));
	}

}
