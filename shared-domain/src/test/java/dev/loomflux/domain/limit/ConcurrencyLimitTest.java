package dev.loomflux.domain.limit;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConcurrencyLimitTest {

	@Test
	void shouldRefuseWorkBeyondTheLimitUntilAUnitIsReleased() {
		ConcurrencyLimit limit = new ConcurrencyLimit("simulations", 2);
		limit.acquire();
		limit.acquire();

		assertThatExceptionOfType(ApiException.class).isThrownBy(limit::acquire)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.OVERLOADED))
			.withMessage("Too many simulations at once (at most 2); retry later.");
		assertThat(limit.inUse()).isEqualTo(2);

		limit.release();
		limit.acquire();
		assertThat(limit.inUse()).isEqualTo(2);
	}

	@Test
	void shouldCountEveryRefusalAndNothingElse() {
		ConcurrencyLimit limit = new ConcurrencyLimit("streams", 1);
		limit.acquire();
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(limit::acquire);
		}
		limit.release();
		limit.acquire();

		assertThat(limit.refused()).isEqualTo(3);
	}

	@Test
	void shouldRefuseEverythingWithALimitOfZero() {
		ConcurrencyLimit limit = new ConcurrencyLimit("streams", 0);

		assertThatExceptionOfType(ApiException.class).isThrownBy(limit::acquire);
		assertThat(limit.inUse()).isZero();
	}

}
