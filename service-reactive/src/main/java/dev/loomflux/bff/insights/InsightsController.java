package dev.loomflux.bff.insights;

import java.util.concurrent.Executor;

import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.insights.Insights;
import dev.loomflux.domain.insights.InsightsQuery;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/products/{id}/insights}: the CPU-bound endpoint. Parameters arrive as text
 * and are parsed by shared-domain, so invalid input gets the same problem detail from
 * both services.
 */
@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
class InsightsController {

	private final InsightsService insights;

	InsightsController(InsightsService insights) {
		this.insights = insights;
	}

	@GetMapping("/{id}/insights")
	Mono<Insights> getInsights(@PathVariable String id, @RequestParam(required = false) String horizonDays,
			@RequestParam(required = false) String paths, ServerHttpRequest request) {
		return Mono.defer(() -> this.insights.getInsights(Ids.parse("id", id), InsightsQuery.parse(horizonDays, paths),
				eventLoopOf(request)));
	}

	/**
	 * The Netty event loop that owns this request's connection: where the
	 * {@code reactive-inline} variant runs the kernel, so that it stalls exactly the
	 * connections a CPU-bound handler on an event loop stalls.
	 */
	private static Executor eventLoopOf(ServerHttpRequest request) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		return ((Connection) nativeRequest).channel().eventLoop();
	}

}
