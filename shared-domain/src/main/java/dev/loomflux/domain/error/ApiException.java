package dev.loomflux.domain.error;

import java.util.List;

/**
 * A failure the client should hear about, with the code and detail it will see. Thrown by
 * validation and by the features of both services; each service's exception handler turns
 * it into the same {@link Problem}.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final List<Violation> violations;

	public ApiException(ErrorCode code, String detail) {
		this(code, detail, List.of());
	}

	public ApiException(ErrorCode code, String detail, List<Violation> violations) {
		super(detail, null, false, false);
		this.code = code;
		this.violations = List.copyOf(violations);
	}

	public static ApiException validation(List<Violation> violations) {
		return new ApiException(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters.", violations);
	}

	public static ApiException validation(String field, String message) {
		return validation(List.of(new Violation(field, message)));
	}

	public ErrorCode code() {
		return this.code;
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
