package dev.loomflux.bff.system;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import dev.loomflux.domain.limit.RateLimit;
import dev.loomflux.domain.security.BearerChallenge;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure into the same RFC 9457 {@link Problem} that service-reactive's
 * handler produces for it. Framework exceptions are mapped by their HTTP status alone, so
 * that MVC and WebFlux, which throw different exception types for the same mistake,
 * answer alike.
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
	ResponseEntity<Problem> handleApiException(ApiException ex, HttpServletRequest request) {
		return respond(Problem.of(ex, request.getRequestURI()), headersFor(ex));
	}

	// The database is out of this request's reach: unavailable, also when a
	// transaction's wait for a connection ran out while the pool could not connect, or
	// when the connection broke under it so that even its rollback or commit failed (a
	// TransactionSystemException: PostgreSQL went away mid-order); busy when its wait
	// for a connection or a row lock ran out behind other requests (DatabaseFailures).
	// A retry with the same Idempotency-Key replays an order whose commit did land.
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, TransactionSystemException.class })
	ResponseEntity<Problem> handleDatabaseUnavailable(RuntimeException ex, HttpServletRequest request) {
		if (this.databaseFailures.isBusy(ex)) {
			log.debug("Database busy: {}", ex.getMessage());
			return respond(Problem.of(ErrorCode.DATABASE_BUSY, request.getRequestURI()), retryAfter());
		}
		log.warn("Database unavailable: {}", ex.getMessage());
		return respond(Problem.of(ErrorCode.DATABASE_UNAVAILABLE, request.getRequestURI()), HttpHeaders.EMPTY);
	}

	@ExceptionHandler
	ResponseEntity<Problem> handleUnreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		if (isClientGone(ex, request)) {
			return null;
		}
		ErrorCode code = RequestSizeLimitFilter.isBodyTooLarge(ex) ? ErrorCode.PAYLOAD_TOO_LARGE
				: ErrorCode.MALFORMED_REQUEST;
		return respond(Problem.of(code, request.getRequestURI()), HttpHeaders.EMPTY);
	}

	/**
	 * Tomcat decodes the query lazily, when a parameter is first read, and a broken
	 * {@code %} escape or one that is not UTF-8 fails there. (WebFlux has no such case:
	 * service-reactive's {@code NettyErrorsConfig} refuses such a request before Spring.)
	 */
	@ExceptionHandler
	ResponseEntity<Problem> handleUndecodableParameters(InvalidParameterException ex, HttpServletRequest request) {
		return respond(Problem.of(ErrorCode.MALFORMED_REQUEST, request.getRequestURI()), HttpHeaders.EMPTY);
	}

	@ExceptionHandler
	ResponseEntity<Problem> handleOther(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse response) {
			ErrorCode code = ErrorCode.forStatus(response.getStatusCode().value());
			return respond(Problem.of(code, request.getRequestURI()), response.getHeaders());
		}
		if (isClientGone(ex, request)) {
			return null;
		}
		log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(Problem.of(ErrorCode.INTERNAL_ERROR, request.getRequestURI()), HttpHeaders.EMPTY);
	}

	/**
	 * Whether the client hung up before or while its answer was written (it closed a
	 * price stream, or a half-sent body; a load generator timed out): there is nobody to
	 * answer and nothing went wrong here, so it is logged at debug only and the handler
	 * answers {@code null}, no body. Tomcat reports it as a {@code ClientAbortException}
	 * or an {@code EOFException}, which Spring wraps (an
	 * {@code AsyncRequestNotUsableException}, inside
	 * {@code HttpMessageNotWritableException} for a JSON body); service-reactive's
	 * Reactor Netty as an {@code AbortedException}.
	 */
	private static boolean isClientGone(Exception ex, HttpServletRequest request) {
		if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			return false;
		}
		log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
		return true;
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

}
