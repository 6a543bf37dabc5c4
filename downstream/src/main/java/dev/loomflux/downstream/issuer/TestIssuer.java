package dev.loomflux.downstream.issuer;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * A TEST token issuer, for local runs, tests and the comparison only: it signs a token
 * (RS256, JWT) for any subject anyone asks for, so it proves nothing about who the caller
 * is. It stands in for a real OIDC provider so that the services' token checks (the cost
 * the comparison measures) run exactly as they would against one. Its RSA key pair is
 * made at start-up, off the start-up path, and lives as long as the process; the services
 * fetch the public half from {@code /test-issuer/jwks}.
 */
@Component
class TestIssuer {

	private final TestIssuerProperties properties;

	/**
	 * Generating a 2048-bit key takes a noticeable fraction of a second: not at start.
	 */
	private final CompletableFuture<RSAKey> key = CompletableFuture.supplyAsync(TestIssuer::generateKey);

	TestIssuer(TestIssuerProperties properties) {
		this.properties = properties;
	}

	/** The public keys, as a JWKS document. */
	Mono<String> jwks() {
		return Mono.fromFuture(this.key, true).map((rsa) -> new JWKSet(rsa.toPublicJWK()).toString());
	}

	/**
	 * A signed token for {@code request.subject()}; the other fields, when set, make
	 * tokens a service must refuse (another issuer or audience, expired, not yet valid).
	 */
	Mono<Minted> mint(TokenRequest request) {
		return Mono.fromFuture(this.key, true).map((rsa) -> sign(rsa, request));
	}

	/**
	 * Tokens for customers 1 to {@code count}, in that order, signed on all cores off the
	 * event loop: what a load generator mints once before a run.
	 */
	Mono<List<String>> mintCustomers(int count) {
		return Mono.fromFuture(this.key, true)
			.publishOn(Schedulers.boundedElastic())
			.map((rsa) -> IntStream.rangeClosed(1, count)
				.parallel()
				.mapToObj((customer) -> sign(rsa, new TokenRequest(Integer.toString(customer), null, null, null, null))
					.token())
				.toList());
	}

	private Minted sign(RSAKey rsa, TokenRequest request) {
		Instant now = Instant.now();
		Duration ttl = (request.expiresIn() != null) ? request.expiresIn() : this.properties.tokenTtl();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(request.subject())
			.issuer((request.issuer() != null) ? request.issuer() : this.properties.issuer())
			.audience((request.audience() != null) ? request.audience() : this.properties.audience())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.jwtID(UUID.randomUUID().toString());
		if (request.notBefore() != null) {
			claims.notBeforeTime(Date.from(now.plus(request.notBefore())));
		}
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(rsa));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign with the issuer's own key", ex);
		}
		return new Minted(jwt.serialize(), ttl.toSeconds());
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate the test issuer's key", ex);
		}
	}

	/**
	 * What a token is minted for: {@code subject} always; the rest {@code null} for the
	 * issuer's defaults.
	 */
	record TokenRequest(String subject, String issuer, String audience, Duration expiresIn, Duration notBefore) {
	}

	/** A signed token and its lifetime in seconds. */
	record Minted(String token, long expiresInSeconds) {
	}

}
