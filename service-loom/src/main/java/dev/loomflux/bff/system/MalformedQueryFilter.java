package dev.loomflux.bff.system;

import java.io.IOException;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.http.RequestTargets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A malformed query (shared-domain's {@link RequestTargets}: a broken {@code %} escape,
 * escapes that are not UTF-8, a value without a name) gets 400 {@code MALFORMED_REQUEST}
 * on every route. Tomcat decodes the query only when a parameter is first asked for, so
 * without this the same broken query would be refused by a route that reads parameters
 * and ignored by one that does not. Only in service-loom: service-reactive's
 * {@code NettyErrorsConfig} refuses such a request before Spring, with the same rule.
 */
@Component
// after SecurityHeaders, so that its answers carry the headers too
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MalformedQueryFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	MalformedQueryFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (RequestTargets.isMalformedQuery(request.getQueryString())) {
			Problem problem = Problem.of(ErrorCode.MALFORMED_REQUEST, request.getRequestURI());
			response.setStatus(problem.status());
			response.setContentType(Problem.MEDIA_TYPE);
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
