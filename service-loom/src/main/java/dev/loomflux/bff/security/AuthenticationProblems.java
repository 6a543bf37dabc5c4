package dev.loomflux.bff.security;

import java.io.IOException;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import dev.loomflux.domain.security.BearerChallenge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * What Spring Security refuses, written as the same RFC 9457 problems that
 * service-reactive's {@code AuthenticationProblems} writes: 401 {@code UNAUTHENTICATED}
 * (no token) or {@code INVALID_TOKEN} (a token that fails any check), both with
 * shared-domain's {@code WWW-Authenticate}; 503 {@code ISSUER_UNAVAILABLE} when the
 * issuer's keys cannot be fetched to check a token; 403 {@code FORBIDDEN}; and a request
 * its firewall rejects (an encoded separator, say) 400 {@code MALFORMED_REQUEST}. Which
 * check a token failed is logged at debug and never told to the client.
 */
@Component
class AuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(AuthenticationProblems.class);

	private final JsonMapper json;

	AuthenticationProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("Bearer token not checked: {}", ex.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, ConcurrencyLimit.RETRY_AFTER_SECONDS);
			write(response, Problem.of(ErrorCode.ISSUER_UNAVAILABLE, request.getRequestURI()));
			return;
		}
		ErrorCode code = isTokenRefused(ex) ? ErrorCode.INVALID_TOKEN : ErrorCode.UNAUTHENTICATED;
		log.debug("{} {}: {}", code, request.getRequestURI(), ex.getMessage());
		response.setHeader(BearerChallenge.HEADER, BearerChallenge.of(code));
		write(response, Problem.of(code, request.getRequestURI()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, Problem.of(ErrorCode.FORBIDDEN, request.getRequestURI()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		log.debug("Request rejected by the firewall: {}", ex.getMessage());
		write(response, Problem.of(ErrorCode.MALFORMED_REQUEST, request.getRequestURI()));
	}

	/**
	 * A token was sent and refused (bad signature, expired, wrong issuer, a malformed
	 * header), as opposed to no token at all.
	 */
	static boolean isTokenRefused(AuthenticationException ex) {
		return ex instanceof OAuth2AuthenticationException;
	}

	private void write(HttpServletResponse response, Problem problem) throws IOException {
		response.setStatus(problem.status());
		response.setContentType(Problem.MEDIA_TYPE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
