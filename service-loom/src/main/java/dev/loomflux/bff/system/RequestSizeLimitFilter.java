package dev.loomflux.bff.system;

import java.io.IOException;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies larger than {@code bff.http.max-request-body} get 413. A declared
 * {@code Content-Length} over the limit is refused before anything is read; a chunked
 * body is counted as it is read and fails when it crosses the limit, so no request can
 * make the service buffer more.
 */
@Component
// after SecurityHeaders, so that its answers carry the headers too
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	RequestSizeLimitFilter(BffProperties properties, JsonMapper json) {
		this.limit = properties.http().maxRequestBody().toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			Problem problem = Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, request.getRequestURI());
			response.setStatus(problem.status());
			response.setContentType(Problem.MEDIA_TYPE);
			// the unread body is not worth draining here:
			// close the connection after this answer
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new CountingRequest(request, this.limit), response);
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

	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("Request body larger than " + limit + " bytes");
		}

	}

	private static final class CountingRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		CountingRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long count;

		CountingInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next != -1) {
				counted(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int bytes) throws BodyTooLargeException {
			this.count += bytes;
			if (this.count > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
