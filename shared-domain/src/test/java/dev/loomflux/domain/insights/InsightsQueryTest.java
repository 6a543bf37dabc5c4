package dev.loomflux.domain.insights;

import java.util.List;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InsightsQueryTest {

	@Test
	void shouldDefaultToThirtyDaysAndTwoThousandPaths() {
		assertThat(InsightsQuery.parse(null, null)).isEqualTo(new InsightsQuery(30, 2000));
	}

	@Test
	void shouldAcceptTheFullRange() {
		assertThat(InsightsQuery.parse("1", "1")).isEqualTo(new InsightsQuery(1, 1));
		assertThat(InsightsQuery.parse("365", "20000")).isEqualTo(new InsightsQuery(365, 20000));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "366", "-1", "", "1.5", "abc", "1,2", "0030", "+30", "\u0663\u0660", "99999999999" })
	void shouldRejectAHorizonOutside1To365(String horizonDays) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> InsightsQuery.parse(horizonDays, null))
			.extracting(ApiException::violations)
			.isEqualTo(List.of(new Violation("horizonDays", "must be an integer between 1 and 365")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "20001", "100000", "-5", "", "2e3", "2000 " })
	void shouldRejectPathsOutside1To20000(String paths) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> InsightsQuery.parse(null, paths))
			.extracting(ApiException::violations)
			.isEqualTo(List.of(new Violation("paths", "must be an integer between 1 and 20000")));
	}

	@Test
	void shouldReportBothInvalidParametersAtOnce() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> InsightsQuery.parse("400", "0"))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field)
				.containsExactly("horizonDays", "paths"));
	}

}
