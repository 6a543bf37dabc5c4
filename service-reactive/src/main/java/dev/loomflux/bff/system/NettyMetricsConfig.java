package dev.loomflux.bff.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty's own server meters ({@code reactor_netty_http_server_*}, and with them
 * {@code reactor_netty_eventloop_pending_tasks}, the event loop's backlog), off by
 * default. Only in service-reactive: service-loom runs on Tomcat and has no event loop,
 * so its dashboard panels for these stay empty rather than showing a look-alike figure.
 * <p>
 * Reactor Netty tags its meters with the request's URI; each URI is mapped to its route
 * template here so that {@code /api/products/1} to {@code /api/products/10000} make one
 * series, not ten thousand. Anything that is no route of the API is {@code UNKNOWN}.
 * Reactor Netty registers with Micrometer's global registry, to which Spring Boot adds
 * its Prometheus registry, so these meters get the {@code application} and {@code model}
 * tags like all others.
 */
@Configuration(proxyBeanMethods = false)
class NettyMetricsConfig {

	/** Most specific first; the same templates Spring reports in http_server_requests. */
	private static final Map<Pattern, String> ROUTES = routes("/api/products/{id}/insights", "/api/products/{id}",
			"/api/products", "/api/prices/stream", "/api/customers/{id}/cart/items/{productId}",
			"/api/customers/{id}/cart", "/api/customers/{id}/home", "/api/orders/{id}", "/api/orders",
			"/actuator/health/{group}", "/actuator/{endpoint}", "/livez", "/readyz");

	@Bean
	NettyServerCustomizer nettyServerMetrics() {
		return (server) -> server.metrics(true, NettyMetricsConfig::template);
	}

	static String template(String uri) {
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		for (Map.Entry<Pattern, String> route : ROUTES.entrySet()) {
			if (route.getKey().matcher(path).matches()) {
				return route.getValue();
			}
		}
		return "UNKNOWN";
	}

	private static Map<Pattern, String> routes(String... templates) {
		Map<Pattern, String> routes = new LinkedHashMap<>();
		for (String template : templates) {
			routes.put(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), template);
		}
		return routes;
	}

}
