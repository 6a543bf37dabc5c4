package dev.loomflux.bff.security;

import java.util.List;

import dev.loomflux.bff.system.BffProperties;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * How a token is checked, the same in both services: its signature algorithm, then the
 * claims it must carry: the configured issuer, this API's audience, a subject, an expiry
 * (required) and a not-before (if present), both within the clock skew. Identical, byte
 * for byte, in both services ({@code ServiceTreesParityTest}).
 */
public final class TokenValidators {

	private TokenValidators() {
	}

	public static OAuth2TokenValidator<Jwt> of(BffProperties.Security security) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
		// a token without an expiry would be valid forever
		timestamps.setAllowEmptyExpiryClaim(false);
		return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, new JwtIssuerValidator(security.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(security.audience())),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, (subject) -> subject != null && !subject.isEmpty())));
	}

	/**
	 * The accepted signature algorithms: public-key ones only ({@code none} is refused by
	 * Spring Security anyway, and an HMAC algorithm would let anyone who holds the
	 * issuer's public key sign tokens).
	 */
	public static List<SignatureAlgorithm> algorithms(BffProperties.Security security) {
		return security.jwsAlgorithms().stream().map((name) -> {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
			if (algorithm == null) {
				throw new IllegalArgumentException(
						"bff.security.jws-algorithms: " + name + " is no public-key signature algorithm");
			}
			return algorithm;
		}).toList();
	}

	/**
	 * The subject of the verified token the request carried, {@code null} when it carried
	 * none (Spring passes {@code null} for an anonymous principal).
	 */
	public static String subject(Jwt token) {
		return (token != null) ? token.getSubject() : null;
	}

}
