package dev.loomflux.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens for tests, minted by the downstream stub's TEST issuer
 * ({@code POST /test-issuer/token}) as a real client gets them from its provider, and
 * kept per customer. Also the hostile ones a service must refuse: tokens the issuer signs
 * with the wrong claims, and tokens it never signed (forged, unsigned).
 */
public final class Tokens {

	private static final Map<String, Tokens> BY_ISSUER = new ConcurrentHashMap<>();

	private final HttpApi issuer;

	private final Map<String, String> minted = new ConcurrentHashMap<>();

	private Tokens(String issuerUrl) {
		this.issuer = new HttpApi(issuerUrl);
	}

	/** Tokens of the stub every test of this JVM points the services at. */
	public static Tokens get() {
		return of(DownstreamStub.get().url());
	}

	/**
	 * Tokens of the stub at {@code stubUrl}, for a test that starts a stub of its own.
	 */
	public static Tokens of(String stubUrl) {
		return BY_ISSUER.computeIfAbsent(stubUrl, Tokens::new);
	}

	/** A valid token of customer {@code customerId} (of the stub of this JVM). */
	public static String forCustomer(long customerId) {
		return get().customer(customerId);
	}

	/** A valid token whose subject is customer {@code customerId}, minted once. */
	public String customer(long customerId) {
		return mint("sub=" + customerId);
	}

	/**
	 * A token the issuer signs as asked, e.g. {@code "sub=7&expiresIn=-120"} (expired),
	 * {@code "sub=7&notBefore=600"}, {@code "sub=7&aud=other"},
	 * {@code "sub=7&iss=other"}.
	 */
	public String mint(String query) {
		return this.minted.computeIfAbsent(query, (key) -> {
			HttpApi.Reply reply = this.issuer.send("POST", "/test-issuer/token?" + key, null, null);
			if (reply.status() != 200) {
				throw new IllegalStateException("The test issuer refused " + key + ": " + reply);
			}
			return reply.json().get("access_token").asString();
		});
	}

	/**
	 * A token with the right claims and the issuer's key id, signed with a key the issuer
	 * never had.
	 */
	public String forged(long customerId) {
		String genuine = customer(customerId);
		try {
			String keyId = SignedJWT.parse(genuine).getHeader().getKeyID();
			RSAKey other = new RSAKeyGenerator(2048).keyID(keyId).generate();
			SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
					SignedJWT.parse(genuine).getJWTClaimsSet());
			forged.sign(new RSASSASigner(other));
			return forged.serialize();
		}
		catch (JOSEException | java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token with the right claims and {@code "alg":"none"}: no signature at all.
	 */
	public static String unsigned(long customerId) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(customerId))
			.issuer("urn:loomflux:test-issuer")
			.audience("loomflux-bff")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
	}

}
