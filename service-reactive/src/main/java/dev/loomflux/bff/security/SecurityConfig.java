package dev.loomflux.bff.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.loomflux.bff.system.BffProperties;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Spring Security's WebFilter chain as an OAuth 2.0 resource server: a bearer token
 * (JWT), if sent, is verified on every request (a refused one is 401 even where no token
 * is needed); customers' carts, home pages and orders need one, the catalog, insights and
 * price streams do not. The controllers then check that the token's customer is the one
 * asked for ({@code CustomerAccess}). No sessions, no CSRF (no cookies are read), no
 * response headers of Spring Security's own ({@code system/SecurityHeaders} sets the
 * project's). service-loom's {@code SecurityConfig} builds the same chain.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** The paths that belong to one customer; everything else is public. */
	static final String[] CUSTOMER_PATHS = { "/api/customers/**", "/api/orders", "/api/orders/**" };

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			AuthenticationProblems problems) {
		return http
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers(CUSTOMER_PATHS).authenticated().anyExchange().permitAll())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtDecoder(decoder))
				.authenticationEntryPoint(problems)
				.authenticationFailureHandler(failures(problems))
				.accessDeniedHandler(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.build();
	}

	/**
	 * Spring Security's firewall, as strict as service-loom's but for TRACE: Tomcat
	 * answers TRACE itself with 405 before service-loom's filters, so here it must reach
	 * WebFlux's routing, which answers 405 too, rather than be rejected as a malformed
	 * request (400). What the firewall rejects is answered by
	 * {@link AuthenticationProblems}.
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHttpMethods(List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
				HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE));
		return firewall;
	}

	/**
	 * A token that cannot be checked (the issuer's keys cannot be fetched) reaches the
	 * entry point too (503), instead of escaping as a 500; as in service-loom.
	 */
	private static ServerAuthenticationEntryPointFailureHandler failures(AuthenticationProblems problems) {
		ServerAuthenticationEntryPointFailureHandler failures = new ServerAuthenticationEntryPointFailureHandler(
				problems);
		failures.setRethrowAuthenticationServiceException(false);
		return failures;
	}

	/**
	 * No observations of Spring Security's own: it wrapped each filter of the chain in an
	 * observation and observed each authorization, on every request, recording timers
	 * nothing reads (per-request work its floor has not, docs/comparison.md, "The
	 * floors"); the request's own timer (http.server.requests) still covers its time.
	 * service-loom turns them off the same way.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Verifies the signature with the issuer's keys ({@link JwksCache}), for the
	 * configured algorithms only, then the claims ({@link TokenValidators}). Nimbus's
	 * processor is set up here rather than by Spring's {@code withJwkSource} builder,
	 * which turns any failure to get the keys into an {@code IllegalStateException} that
	 * escaped as a 500; here it is a token that cannot be checked (503), as in
	 * service-loom.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(BffProperties properties) {
		BffProperties.Security security = properties.security();
		JwksCache keys = new JwksCache(security);
		Set<JWSAlgorithm> algorithms = TokenValidators.algorithms(security)
			.stream()
			.map((algorithm) -> JWSAlgorithm.parse(algorithm.getName()))
			.collect(Collectors.toSet());
		DefaultJWTProcessor<JWKSecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new JWKSecurityContextJWKSet()));
		// the claims are checked by TokenValidators, as in service-loom
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder((jwt) -> verify(jwt, keys, processor));
		decoder.setJwtValidator(TokenValidators.of(security));
		return decoder;
	}

	private static Mono<JWTClaimsSet> verify(JWT jwt, JwksCache keys,
			DefaultJWTProcessor<JWKSecurityContext> processor) {
		if (!(jwt instanceof SignedJWT signed)) {
			return Mono.error(new BadJwtException("Unsigned token"));
		}
		return keys.get(new JWKSelector(JWKMatcher.forJWSHeader(signed.getHeader()))).map((matching) -> {
			try {
				return processor.process(signed, new JWKSecurityContext(matching));
			}
			catch (BadJOSEException ex) {
				throw new BadJwtException(ex.getMessage(), ex);
			}
			catch (JOSEException ex) {
				throw new JwtException(ex.getMessage(), ex);
			}
		});
	}

}
