package dev.loomflux.domain.security;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomerAccessTest {

	@Test
	void shouldLetATokenReachItsOwnCustomerOnly() {
		CustomerAccess.requireCustomer(7, "7");

		assertThat(code(() -> CustomerAccess.requireCustomer(8, "7"))).isEqualTo(ErrorCode.FORBIDDEN);
		assertThat(code(() -> CustomerAccess.requireCustomer(7, null))).isEqualTo(ErrorCode.UNAUTHENTICATED);
	}

	@Test
	void shouldRefuseSubjectsThatAreNoCustomerId() {
		for (String subject : new String[] { "", "0", "07", "-7", "7 ", "abc", "\u0667", "99999999999999999999" }) {
			assertThat(code(() -> CustomerAccess.customerOf(subject))).as(subject).isEqualTo(ErrorCode.FORBIDDEN);
		}
		assertThat(CustomerAccess.customerOf("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void shouldChallengeWithAnErrorOnlyWhenATokenWasSent() {
		assertThat(BearerChallenge.of(ErrorCode.UNAUTHENTICATED)).isEqualTo("Bearer realm=\"loomflux\"");
		assertThat(BearerChallenge.of(ErrorCode.INVALID_TOKEN))
			.isEqualTo("Bearer realm=\"loomflux\", error=\"invalid_token\"");
	}

	private static ErrorCode code(Runnable check) {
		return catchThrowableOfType(ApiException.class, check::run).code();
	}

}
