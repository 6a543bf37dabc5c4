package dev.loomflux.domain.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdsTest {

	@Test
	void shouldParsePositiveIdsUpToLongMax() {
		assertThat(Ids.parse("id", "1")).isEqualTo(1);
		assertThat(Ids.parse("id", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
		assertThat(Ids.parse("id", "007")).isEqualTo(7);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "0", "-1", "+1", "1.0", "1e3", "abc", " 1", "1 ", "9223372036854775808",
			"99999999999999999999", "\u0661", "0x10", "１" })
	void shouldRejectAnythingButAPositive64BitInteger(String raw) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Ids.parse("id", raw)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(ex.violations()).containsExactly(new Violation("id", Ids.POSITIVE_ID));
		});
	}

}
