package dev.loomflux.domain.security;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Ids;

/**
 * Who may touch a customer's cart, home page and orders: only a token whose subject
 * ({@code sub}) is that customer's id in decimal, as the test issuer mints them. The same
 * checks in both services, after Spring Security has verified the token itself.
 */
public final class CustomerAccess {

	private CustomerAccess() {
	}

	/**
	 * The customer a verified token speaks for.
	 * @param subject the token's {@code sub}, {@code null} when no token was sent
	 * @throws ApiException {@code UNAUTHENTICATED} without a token, {@code FORBIDDEN} for
	 * a subject that is not a customer id
	 */
	public static long customerOf(String subject) {
		if (subject == null) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED.defaultDetail());
		}
		if (subject.length() > 19 || !Ids.isAsciiDigits(subject) || subject.charAt(0) == '0') {
			throw forbidden();
		}
		try {
			return Long.parseLong(subject);
		}
		catch (NumberFormatException overflow) {
			throw forbidden();
		}
	}

	/**
	 * Checks that the token speaks for the customer in the path.
	 * @throws ApiException {@code UNAUTHENTICATED} without a token, {@code FORBIDDEN} for
	 * another customer's token
	 */
	public static void requireCustomer(long customerId, String subject) {
		if (customerOf(subject) != customerId) {
			throw forbidden();
		}
	}

	private static ApiException forbidden() {
		return new ApiException(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.defaultDetail());
	}

}
