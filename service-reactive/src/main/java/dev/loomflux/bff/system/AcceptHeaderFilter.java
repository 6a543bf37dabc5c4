package dev.loomflux.bff.system;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * An {@code Accept} header that does not parse (or lists more media types than Spring
 * sorts) accepts nothing: Spring MVC answers such a request 406 {@code NOT_ACCEPTABLE},
 * as it would for any unacceptable type. WebFlux fails on it twice, once to choose the
 * response's type and again when it writes the problem, and ends with an empty 406 or a
 * 500. This replaces such a header by one that parses and matches nothing, so that
 * service-reactive answers as service-loom does. Only in service-reactive: MVC has no
 * such gap.
 */
@Component
// after SecurityHeaders, so that its answers carry the headers too
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AcceptHeaderFilter implements WebFilter {

	static final String ACCEPTS_NOTHING = "application/x-unreadable-accept-header";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> accept = exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT);
		if (accept == null || isReadable(accept)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HttpHeaders.ACCEPT, ACCEPTS_NOTHING)))
			.build());
	}

	/** What WebFlux's header content type resolver does with it, without failing. */
	static boolean isReadable(List<String> accept) {
		try {
			MimeTypeUtils.sortBySpecificity(MediaType.parseMediaTypes(accept));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
