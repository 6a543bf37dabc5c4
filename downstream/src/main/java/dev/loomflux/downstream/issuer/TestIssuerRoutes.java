package dev.loomflux.downstream.issuer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The TEST issuer's endpoints (never for production: it mints a token for anyone):
 * <ul>
 * <li>{@code GET /test-issuer/jwks}: its public keys (JWKS), which the services
 * fetch;</li>
 * <li>{@code POST /test-issuer/token?sub=7}: a token for customer 7, answered like an
 * OAuth 2.0 token endpoint ({@code access_token}, {@code token_type},
 * {@code expires_in}). Tests ask for tokens a service must refuse with {@code iss},
 * {@code aud}, {@code expiresIn} (seconds, negative for an expired token) and
 * {@code notBefore} (seconds from now).</li>
 * <li>{@code POST /test-issuer/tokens?count=10000}: a JSON array of tokens for customers
 * 1 to 10000, in order, for a load generator to mint before its run.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class TestIssuerRoutes {

	/** Longer subjects are not customer ids, and nothing needs them. */
	private static final int MAX_SUBJECT = 64;

	/** The seed has 10,000 customers; a load generator needs no more tokens than that. */
	private static final int MAX_BATCH = 100_000;

	private final TestIssuer issuer;

	TestIssuerRoutes(TestIssuer issuer) {
		this.issuer = issuer;
	}

	@Bean
	RouterFunction<ServerResponse> testIssuerEndpoints() {
		return route().GET("/test-issuer/jwks", this::jwks)
			.POST("/test-issuer/token", this::token)
			.POST("/test-issuer/tokens", this::customerTokens)
			.build();
	}

	private Mono<ServerResponse> jwks(ServerRequest request) {
		return this.issuer.jwks()
			.flatMap((keys) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(keys));
	}

	private Mono<ServerResponse> token(ServerRequest request) {
		String subject = request.queryParam("sub").orElse("");
		TestIssuer.TokenRequest tokenRequest;
		try {
			tokenRequest = new TestIssuer.TokenRequest(subject, request.queryParam("iss").orElse(null),
					request.queryParam("aud").orElse(null), seconds(request.queryParam("expiresIn")),
					seconds(request.queryParam("notBefore")));
		}
		catch (NumberFormatException ex) {
			return ServerResponse.badRequest().build();
		}
		if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
			return ServerResponse.badRequest().build();
		}
		return this.issuer.mint(tokenRequest).flatMap((minted) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("access_token", minted.token());
			body.put("token_type", "Bearer");
			body.put("expires_in", minted.expiresInSeconds());
			return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		});
	}

	private Mono<ServerResponse> customerTokens(ServerRequest request) {
		int count;
		try {
			count = Integer.parseInt(request.queryParam("count").orElse(""));
		}
		catch (NumberFormatException ex) {
			return ServerResponse.badRequest().build();
		}
		if (count < 1 || count > MAX_BATCH) {
			return ServerResponse.badRequest().build();
		}
		return this.issuer.mintCustomers(count)
			.flatMap((tokens) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(tokens));
	}

	private static Duration seconds(Optional<String> value) {
		return value.map((seconds) -> Duration.ofSeconds(Long.parseLong(seconds))).orElse(null);
	}

}
