package dev.loomflux.bff.system;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Admission control: at most {@code bff.admission.max-concurrent} API requests in flight;
 * one more is refused at once with 503 {@code OVERLOADED} and {@code Retry-After}, never
 * queued. Without it nothing bounds the Reactor chains (and the memory they hold) that
 * pile up behind a slow dependency. Only {@code /api/**} is admitted through it: health
 * probes must answer under overload, and price streams, long-lived by design, have their
 * own cap ({@code bff.prices.max-streams}). service-loom's {@code AdmissionControl}
 * counts the same requests the same way. A counter, never a wait: safe on the event loop.
 */
@Component
// the same order as service-loom's filter; WebFlux observes requests outside the filter
// chain, so refused requests are counted as 503s in http_server_requests here too
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdmissionControl implements WebFilter {

	private final ConcurrencyLimit inFlight;

	private final JsonMapper json;

	AdmissionControl(BffProperties properties, JsonMapper json, MeterRegistry meters) {
		this.inFlight = new ConcurrencyLimit("API requests in flight", properties.admission().maxConcurrent());
		FunctionCounter.builder("bff.limit.refused", this.inFlight, ConcurrencyLimit::refused)
			.description("Requests refused with 503 OVERLOADED over a concurrency limit")
			.tag("limit", "api")
			.register(meters);
		this.json = json;
	}

	/** Whether a request counts against the limit. */
	static boolean isAdmitted(String path) {
		return path.startsWith("/api/") && !path.startsWith("/api/prices/stream");
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!isAdmitted(path)) {
			return chain.filter(exchange);
		}
		try {
			this.inFlight.acquire();
		}
		catch (ApiException refused) {
			Problem problem = Problem.of(refused, path);
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, ConcurrencyLimit.RETRY_AFTER_SECONDS);
			DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
			return response.writeWith(Mono.just(body));
		}
		// released once, whether the request completes, fails or its client hangs up
		return Mono.defer(() -> chain.filter(exchange)).doFinally((signal) -> this.inFlight.release());
	}

}
