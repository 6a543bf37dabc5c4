package dev.loomflux.bff.system;

import java.io.IOException;

import dev.loomflux.domain.http.ResponseHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets shared-domain's {@link ResponseHeaders} on every response before anything else
 * runs, so that the answers the other filters write themselves (413, 503, 400) carry them
 * too; Tomcat's own error answers get them from {@code TomcatErrorsConfig}.
 * service-reactive's {@code SecurityHeaders} does the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ResponseHeaders.SECURITY.forEach(response::setHeader);
		chain.doFilter(request, response);
	}

}
