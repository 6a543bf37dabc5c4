package dev.loomflux.bff.system;

import dev.loomflux.domain.http.ResponseHeaders;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets shared-domain's {@link ResponseHeaders} on every response before anything else
 * runs, so that the answers the other filters write themselves (413, 503) carry them too;
 * what Reactor Netty refuses gets them from {@code NettyErrorsConfig}. service-loom's
 * {@code SecurityHeaders} does the same.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ResponseHeaders.SECURITY.forEach(exchange.getResponse().getHeaders()::set);
		return chain.filter(exchange);
	}

}
