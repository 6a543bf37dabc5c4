package dev.loomflux.bff.security;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import dev.loomflux.domain.security.BearerChallenge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What Spring Security refuses, written as the same RFC 9457 problems that service-loom's
 * {@code AuthenticationProblems} writes: 401 {@code UNAUTHENTICATED} (no token) or
 * {@code INVALID_TOKEN} (a token that fails any check), both with shared-domain's
 * {@code WWW-Authenticate}; 503 {@code ISSUER_UNAVAILABLE} when the issuer's keys cannot
 * be fetched to check a token; 403 {@code FORBIDDEN}; and a request its firewall rejects
 * (an encoded separator, say) 400 {@code MALFORMED_REQUEST}. Which check a token failed
 * is logged at debug and never told to the client.
 */
@Component
class AuthenticationProblems
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(AuthenticationProblems.class);

	private final JsonMapper json;

	AuthenticationProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("Bearer token not checked: {}", ex.getMessage());
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, ConcurrencyLimit.RETRY_AFTER_SECONDS);
			return write(exchange, Problem.of(ErrorCode.ISSUER_UNAVAILABLE, path(exchange)));
		}
		ErrorCode code = isTokenRefused(ex) ? ErrorCode.INVALID_TOKEN : ErrorCode.UNAUTHENTICATED;
		log.debug("{} {}: {}", code, path(exchange), ex.getMessage());
		exchange.getResponse().getHeaders().set(BearerChallenge.HEADER, BearerChallenge.of(code));
		return write(exchange, Problem.of(code, path(exchange)));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
		return write(exchange, Problem.of(ErrorCode.FORBIDDEN, path(exchange)));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		log.debug("Request rejected by the firewall: {}", ex.getMessage());
		return write(exchange, Problem.of(ErrorCode.MALFORMED_REQUEST, path(exchange)));
	}

	/**
	 * A token was sent and refused (bad signature, expired, wrong issuer, a malformed
	 * header), as opposed to no token at all.
	 */
	static boolean isTokenRefused(AuthenticationException ex) {
		return ex instanceof OAuth2AuthenticationException;
	}

	private Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(problem.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
		return response.writeWith(Mono.just(body));
	}

	private static String path(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value();
	}

}
