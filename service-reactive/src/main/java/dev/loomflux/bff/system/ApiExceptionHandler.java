package dev.loomflux.bff.system;

import java.net.SocketException;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import dev.loomflux.domain.limit.RateLimit;
import dev.loomflux.domain.security.BearerChallenge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure into the same RFC 9457 {@link Problem} that service-loom's handler
 * produces for it. Framework exceptions are mapped by their HTTP status alone, so that
 * MVC and WebFlux, which throw different exception types for the same mistake, answer
 * alike.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final DatabaseFailures databaseFailures;

	ApiExceptionHandler(DatabaseFailures databaseFailures) {
		this.databaseFailures = databaseFailures;
	}

	@ExceptionHandler
	ResponseEntity<Problem> handleApiException(ApiException ex, ServerWebExchange exchange) {
		return respond(Problem.of(ex, path(exchange)), headersFor(ex));
	}

	// The database is out of this request's reach: unavailable, also when a
	// transaction's wait for a connection ran out while the pool could not connect, or
	// when the connection broke under it so that even its rollback or commit failed (a
	// TransactionSystemException: PostgreSQL went away mid-order); busy when its wait
	// for a connection or a row lock ran out behind other requests (DatabaseFailures).
	// A retry with the same Idempotency-Key replays an order whose commit did land.
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ResponseEntity<Problem> handleDatabaseUnavailable(RuntimeException ex, ServerWebExchange exchange) {
		if (this.databaseFailures.isBusy(ex)) {
			log.debug("Database busy: {}", ex.getMessage());
			return respond(Problem.of(ErrorCode.DATABASE_BUSY, path(exchange)), retryAfter());
		}
		log.warn("Database unavailable: {}", ex.getMessage());
		return respond(Problem.of(ErrorCode.DATABASE_UNAVAILABLE, path(exchange)), HttpHeaders.EMPTY);
	}

	@ExceptionHandler
	ResponseEntity<Problem> handleUnreadableBody(ServerWebInputException ex, ServerWebExchange exchange) {
		if (isClientGone(ex, exchange)) {
			return null;
		}
		ErrorCode code = RequestSizeLimitFilter.isBodyTooLarge(ex) ? ErrorCode.PAYLOAD_TOO_LARGE
				: ErrorCode.MALFORMED_REQUEST;
		return respond(Problem.of(code, path(exchange)), HttpHeaders.EMPTY);
	}

	@ExceptionHandler
	ResponseEntity<Problem> handleOther(Exception ex, ServerWebExchange exchange) {
		if (ex instanceof ErrorResponse response) {
			ErrorCode code = ErrorCode.forStatus(response.getStatusCode().value());
			return respond(Problem.of(code, path(exchange)), response.getHeaders());
		}
		if (RequestSizeLimitFilter.isBodyTooLarge(ex)) {
			return respond(Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, path(exchange)), HttpHeaders.EMPTY);
		}
		if (isClientGone(ex, exchange)) {
			return null;
		}
		log.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(), path(exchange), ex);
		return respond(Problem.of(ErrorCode.INTERNAL_ERROR, path(exchange)), HttpHeaders.EMPTY);
	}

	/**
	 * Whether the client hung up before or while its answer was written (it closed a
	 * half-sent body, or a body stalled past {@code BodyReadTimeoutConfig}; a load
	 * generator timed out): there is nobody to answer and nothing went wrong here, so it
	 * is logged at debug only and the handler answers {@code null}, no body (a problem
	 * could not be written anyway once the response is committed: its headers are
	 * read-only). Reactor Netty reports it as an {@code AbortedException}; service-loom's
	 * Tomcat as a {@code ClientAbortException} or an {@code EOFException}.
	 */
	private static boolean isClientGone(Exception ex, ServerWebExchange exchange) {
		if (!isDisconnected(ex)) {
			return false;
		}
		log.debug("Client gone during {} {}: {}", exchange.getRequest().getMethod(), path(exchange), ex.toString());
		return true;
	}

	/**
	 * Spring's {@link DisconnectedClientHelper}, and a reset as Netty's NIO transport
	 * words it: a {@link SocketException} "Connection reset" (the epoll transport said
	 * "Connection reset by peer", which the helper knows; docs/testing.md on why NIO).
	 */
	static boolean isDisconnected(Throwable error) {
		if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
			return true;
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketException && "Connection reset".equals(cause.getMessage())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Overload, a busy database and a rate limit are temporary: say when to come back (a
	 * rate limit also with its IETF RateLimit headers). A missing token says how to
	 * authenticate (a controller's own check, behind Spring Security's).
	 */
	private static HttpHeaders headersFor(ApiException ex) {
		if (ex instanceof RateLimit.RateLimitedException limited) {
			HttpHeaders headers = new HttpHeaders();
			limited.headers().forEach(headers::set);
			return headers;
		}
		if (ex.code().status() == 401) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(BearerChallenge.HEADER, BearerChallenge.of(ex.code()));
			return headers;
		}
		return ex.code().isBusy() ? retryAfter() : HttpHeaders.EMPTY;
	}

	private static HttpHeaders retryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, ConcurrencyLimit.RETRY_AFTER_SECONDS);
		return headers;
	}

	static ResponseEntity<Problem> respond(Problem problem, HttpHeaders headers) {
		// The content type is set here,
		// so content negotiation cannot turn a problem into a 406.
		return ResponseEntity.status(problem.status()).headers(headers).contentType(PROBLEM_JSON).body(problem);
	}

	private static String path(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value();
	}

}
