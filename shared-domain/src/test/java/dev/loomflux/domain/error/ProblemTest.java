package dev.loomflux.domain.error;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

	@Test
	void shouldCarryTheCodeStatusAndTitleOfAnApiException() {
		ApiException exception = ApiException.validation("limit", "must be an integer between 1 and 100");

		Problem problem = Problem.of(exception, "/api/products");

		assertThat(problem.type()).isEqualTo("urn:loomflux:problem:validation-failed");
		assertThat(problem.title()).isEqualTo("Validation failed");
		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(problem.instance()).isEqualTo("/api/products");
		assertThat(problem.errors()).containsExactly(new Violation("limit", "must be an integer between 1 and 100"));
	}

	@Test
	void shouldGiveEveryCodeADistinctTypeAndAnErrorStatus() {
		List<String> types = Arrays.stream(ErrorCode.values()).map(ErrorCode::type).toList();

		assertThat(types).doesNotHaveDuplicates().allMatch((type) -> type.matches("urn:loomflux:problem:[a-z-]+"));
		assertThat(ErrorCode.values()).allSatisfy((code) -> {
			assertThat(code.status()).isBetween(400, 599);
			assertThat(code.defaultDetail()).isNotBlank().endsWith(".");
		});
	}

	@Test
	void shouldMapFrameworkStatusesToCodesOfTheSameStatus() {
		for (int status : new int[] { 400, 404, 405, 406, 408, 413, 415, 503, 500 }) {
			assertThat(ErrorCode.forStatus(status).status()).isEqualTo(status);
		}
		assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.INTERNAL_ERROR);
	}

}
