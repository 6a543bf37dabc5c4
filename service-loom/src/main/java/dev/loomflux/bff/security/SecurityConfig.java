package dev.loomflux.bff.security;

import dev.loomflux.bff.system.BffProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * Spring Security's servlet filter chain as an OAuth 2.0 resource server: a bearer token
 * (JWT), if sent, is verified on every request (a refused one is 401 even where no token
 * is needed); customers' carts, home pages and orders need one, the catalog, insights and
 * price streams do not. The controllers then check that the token's customer is the one
 * asked for ({@code CustomerAccess}). No sessions, no CSRF (no cookies are read), no
 * response headers of Spring Security's own ({@code system/SecurityHeaders} sets the
 * project's). service-reactive's {@code SecurityConfig} builds the same chain.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** The paths that belong to one customer; everything else is public. */
	static final String[] CUSTOMER_PATHS = { "/api/customers/**", "/api/orders", "/api/orders/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, AuthenticationProblems problems)
			throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(CUSTOMER_PATHS).authenticated().anyRequest().permitAll())
			.addFilter(bearerTokens(decoder, problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.build();
	}

	/**
	 * The resource server's token filter, set up by hand rather than by
	 * {@code oauth2ResourceServer()}: on the servlet stack that also serves an RFC 9728
	 * metadata document ({@code /.well-known/oauth-protected-resource}) and accepts DPoP
	 * tokens, which the reactive stack does not, so the two services would answer those
	 * requests differently. A token that cannot be checked (the issuer's keys cannot be
	 * fetched) reaches the entry point too (503), instead of escaping as a 500.
	 */
	private static BearerTokenAuthenticationFilter bearerTokens(JwtDecoder decoder, AuthenticationProblems problems) {
		BearerTokenAuthenticationFilter filter = new BearerTokenAuthenticationFilter(
				new ProviderManager(new JwtAuthenticationProvider(decoder)));
		AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(problems);
		failures.setRethrowAuthenticationServiceException(false);
		filter.setAuthenticationFailureHandler(failures);
		// a malformed Authorization header is refused before any check, here
		filter.setAuthenticationEntryPoint(problems);
		return filter;
	}

	/** A request the firewall rejects gets a problem, not an empty 400. */
	@Bean
	WebSecurityCustomizer rejectedRequests(AuthenticationProblems problems) {
		return (web) -> web.requestRejectedHandler(problems);
	}

	/**
	 * No observations of Spring Security's own: it wrapped each filter of the chain in an
	 * observation and observed each authorization, on every request, recording timers
	 * nothing reads (per-request work its floor has not, docs/comparison.md, "The
	 * floors"); the request's own timer (http.server.requests) still covers its time.
	 * service-reactive turns them off the same way.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Verifies the signature with the issuer's keys ({@link JwksCache}), for the
	 * configured algorithms only, then the claims ({@link TokenValidators}).
	 */
	@Bean
	JwtDecoder jwtDecoder(BffProperties properties) {
		BffProperties.Security security = properties.security();
		NimbusJwtDecoder.JwkSourceJwtDecoderBuilder builder = NimbusJwtDecoder.withJwkSource(new JwksCache(security));
		TokenValidators.algorithms(security).forEach(builder::jwsAlgorithm);
		NimbusJwtDecoder decoder = builder.build();
		decoder.setJwtValidator(TokenValidators.of(security));
		return decoder;
	}

}
