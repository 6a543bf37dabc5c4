package dev.loomflux.domain.error;

import java.util.Locale;

/**
 * The stable, machine-readable error names of the API. Clients switch on {@code code};
 * {@code title} and {@code detail} are for people. Both services map every failure to one
 * of these, so the same bad request gets the same status and code from either.
 */
public enum ErrorCode {

	VALIDATION_FAILED(400, "Validation failed", "The request has invalid parameters."),

	MALFORMED_REQUEST(400, "Malformed request", "The request could not be read."),

	IDEMPOTENCY_KEY_MISSING(400, "Idempotency-Key header missing", "POST /api/orders needs an Idempotency-Key header."),

	UNAUTHENTICATED(401, "Authentication required",
			"This resource needs a bearer token (OAuth 2.0, RFC 6750) in the Authorization header."),

	INVALID_TOKEN(401, "Invalid token",
			"The bearer token is malformed, expired, not yet valid, or not issued for this service."),

	FORBIDDEN(403, "Forbidden", "The token's customer may not access this customer's data."),

	CUSTOMER_MISMATCH(403, "Customer mismatch",
			"The body's customerId is not the token's customer; leave it out or send the token's customer."),

	NOT_FOUND(404, "Not found", "There is no resource at this path."),

	PRODUCT_NOT_FOUND(404, "Product not found", "No such product."),

	CUSTOMER_NOT_FOUND(404, "Customer not found", "No such customer."),

	ORDER_NOT_FOUND(404, "Order not found", "No such order."),

	METHOD_NOT_ALLOWED(405, "Method not allowed",
			"This method is not supported here; the Allow header lists those that are."),

	NOT_ACCEPTABLE(406, "Not acceptable", "None of the media types in the Accept header can be produced."),

	REQUEST_TIMEOUT(408, "Request timeout", "The request body did not arrive in time; send it again."),

	INSUFFICIENT_STOCK(409, "Insufficient stock", "Not enough stock for the order."),

	IDEMPOTENCY_KEY_IN_FLIGHT(409, "Request with this Idempotency-Key in flight",
			"A request with this Idempotency-Key is still being processed."),

	PAYLOAD_TOO_LARGE(413, "Payload too large", "The request body is larger than the service accepts."),

	UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "Send the request body as application/json."),

	IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused with another payload",
			"This Idempotency-Key was used with another payload."),

	RATE_LIMITED(429, "Too many requests", "Too many orders from this customer; retry after the time in Retry-After."),

	INTERNAL_ERROR(500, "Internal error", "An unexpected error occurred."),

	DATABASE_UNAVAILABLE(503, "Database unavailable", "The database is unavailable; retry later."),

	DATABASE_BUSY(503, "Database busy", "The database is busy with other requests; retry shortly."),

	CART_UNAVAILABLE(503, "Cart unavailable", "The cart store is unavailable; retry later."),

	OVERLOADED(503, "Overloaded", "The service is overloaded; retry later."),

	ISSUER_UNAVAILABLE(503, "Token issuer unavailable",
			"The token issuer's keys cannot be fetched to check the bearer token; retry later.");

	private static final String TYPE_PREFIX = "urn:loomflux:problem:";

	private final int status;

	private final String title;

	private final String defaultDetail;

	ErrorCode(int status, String title, String defaultDetail) {
		this.status = status;
		this.title = title;
		this.defaultDetail = defaultDetail;
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/**
	 * The detail shown when nothing more specific is known (framework-level failures).
	 */
	public String defaultDetail() {
		return this.defaultDetail;
	}

	/**
	 * Whether the answer says when to come back ({@code Retry-After}): the service or its
	 * database is busy for a moment, not broken.
	 */
	public boolean isBusy() {
		return this == OVERLOADED || this == DATABASE_BUSY || this == ISSUER_UNAVAILABLE;
	}

	/**
	 * The RFC 9457 {@code type}: a URN, since the project has no documentation host to
	 * point at.
	 */
	public String type() {
		return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The code a framework-level failure of this HTTP status maps to. */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 408 -> REQUEST_TIMEOUT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 503 -> OVERLOADED;
			default -> INTERNAL_ERROR;
		};
	}

}
