package dev.loomflux.domain.catalog;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductQueryTest {

	@Test
	void shouldDefaultToTheFirstPageOfTwentyInAllCategories() {
		assertThat(ProductQuery.parse(null, null, null)).isEqualTo(new ProductQuery(null, 20, 0));
	}

	@Test
	void shouldAcceptTheFullRange() {
		assertThat(ProductQuery.parse("outdoors", "100", "9999")).isEqualTo(new ProductQuery("outdoors", 100, 9999));
		assertThat(ProductQuery.parse("a", "1", "1")).isEqualTo(new ProductQuery("a", 1, 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "-1", "", "1.5", "abc", "1,2", "0100" })
	void shouldRejectALimitOutside1To100(String limit) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ProductQuery.parse(null, limit, null))
			.extracting(ApiException::violations)
			.isEqualTo(java.util.List.of(new Violation("limit", "must be an integer between 1 and 100")));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "Books", "books!", "1books", "' OR 1=1 --", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void shouldRejectACategoryThatCannotExist(String category) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ProductQuery.parse(category, null, null))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("category"));
	}

	@Test
	void shouldReportEveryInvalidParameterAtOnce() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ProductQuery.parse("X", "0", "-5"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field)
				.containsExactly("category", "limit", "after"));
	}

}
