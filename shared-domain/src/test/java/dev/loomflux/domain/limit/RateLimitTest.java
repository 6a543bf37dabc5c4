package dev.loomflux.domain.limit;

import java.time.Duration;
import java.util.List;

import dev.loomflux.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimitTest {

	private final RateLimit limit = new RateLimit("orders", 20, Duration.ofMinutes(1));

	@Test
	void shouldLetAnAllowedRequestThroughAndRefuseOneOverTheLimitWithItsHeaders() {
		this.limit.check(List.of(1L, 0L, 19L));

		RateLimit.RateLimitedException refused = catchThrowableOfType(RateLimit.RateLimitedException.class,
				() -> this.limit.check(List.of(0L, 2001L, 0L)));

		assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
		assertThat(refused.headers()).containsEntry("Retry-After", "3")
			.containsEntry("RateLimit-Policy", "\"orders\";q=20;w=60")
			.containsEntry("RateLimit", "\"orders\";r=0;t=3");
	}

	@Test
	void shouldKeyEachClientApartAndPassCapacityAndPeriodToTheScript() {
		assertThat(this.limit.key(7)).isEqualTo("ratelimit:orders:7");
		assertThat(this.limit.arguments()).containsExactly("20", "60000");
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit("orders", 0, Duration.ofMinutes(1)));
	}

}
