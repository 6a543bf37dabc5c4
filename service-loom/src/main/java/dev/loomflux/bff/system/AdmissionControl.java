package dev.loomflux.bff.system;

import java.io.IOException;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control: at most {@code bff.admission.max-concurrent} API requests in flight;
 * one more is refused at once with 503 {@code OVERLOADED} and {@code Retry-After}, never
 * queued. Without it nothing bounds the virtual threads (and the memory they hold) that
 * pile up behind a slow dependency. Only {@code /api/**} is admitted through it: health
 * probes must answer under overload, and price streams, long-lived by design, have their
 * own cap ({@code bff.prices.max-streams}). service-reactive's {@code AdmissionControl}
 * counts the same requests the same way.
 */
@Component
// after Spring Boot's request observation (HIGHEST_PRECEDENCE + 1), so refused requests
// are still counted as 503s in http_server_requests, as in service-reactive
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdmissionControl extends OncePerRequestFilter {

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
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isAdmitted(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.inFlight.acquire();
		}
		catch (ApiException refused) {
			Problem problem = Problem.of(refused, request.getRequestURI());
			response.setStatus(problem.status());
			response.setContentType(Problem.MEDIA_TYPE);
			response.setHeader(HttpHeaders.RETRY_AFTER, ConcurrencyLimit.RETRY_AFTER_SECONDS);
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.inFlight.release();
		}
	}

}
