package dev.loomflux.bff.system;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request bodies larger than {@code bff.http.max-request-body} get 413. A declared
 * {@code Content-Length} over the limit is refused without buffering anything; a chunked
 * body is counted as it streams in and fails when it crosses the limit, so no request can
 * make the service buffer more.
 */
@Component
// after SecurityHeaders, so that its answers carry the headers too
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter implements WebFilter {

	/** Tomcat's default maxSwallowSize: what service-loom reads of a refused body. */
	private static final long SWALLOW_LIMIT = 2 * 1024 * 1024;

	private final long limit;

	private final JsonMapper json;

	RequestSizeLimitFilter(BffProperties properties, JsonMapper json) {
		this.limit = properties.http().maxRequestBody().toBytes();
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.limit) {
			Problem problem = Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, request.getPath().value());
			var response = exchange.getResponse();
			response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			response.getHeaders().set("Connection", "close");
			DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(problem));
			Mono<Void> answer = response.writeWith(Mono.just(body));
			// Closing a connection with unread bytes makes the kernel reset it, and
			// the client may lose the 413 with it. Up to Tomcat's maxSwallowSize, the
			// body is read and dropped buffer by buffer first (nothing is kept), as
			// Tomcat does for service-loom.
			return (declared <= SWALLOW_LIMIT)
					? request.getBody().doOnNext(DataBufferUtils::release).then(Mono.defer(() -> answer)) : answer;
		}
		return chain.filter(exchange.mutate().request(new CountingRequest(request, this.limit)).build());
	}

	/** Whether a body read failed because the body crossed the limit. */
	static boolean isBodyTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	static final class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException(long limit) {
			super("Request body larger than " + limit + " bytes");
		}

	}

	private static final class CountingRequest extends ServerHttpRequestDecorator {

		private final long limit;

		CountingRequest(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			long[] count = { 0 };
			return super.getBody().handle((buffer, sink) -> {
				count[0] += buffer.readableByteCount();
				if (count[0] > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(new BodyTooLargeException(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
