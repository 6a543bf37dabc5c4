package dev.loomflux.domain.security;

import dev.loomflux.domain.error.ErrorCode;

/**
 * The {@code WWW-Authenticate} value of a 401 (RFC 6750, section 3), written by both
 * services' own entry points rather than Spring Security's: its default carries the
 * validator's description ("Jwt expired at ...", with the instant), which differs between
 * the servlet and the reactive stack and tells an attacker which check failed.
 */
public final class BearerChallenge {

	public static final String HEADER = "WWW-Authenticate";

	/** No token sent: the scheme and realm only, no error (RFC 6750, 3.1). */
	public static final String MISSING = "Bearer realm=\"loomflux\"";

	/** A token was sent and refused, whatever the reason. */
	public static final String INVALID = "Bearer realm=\"loomflux\", error=\"invalid_token\"";

	private BearerChallenge() {
	}

	/** The challenge that goes with a 401 problem of this code. */
	public static String of(ErrorCode code) {
		return (code == ErrorCode.INVALID_TOKEN) ? INVALID : MISSING;
	}

}
