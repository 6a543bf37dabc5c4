package dev.loomflux.domain.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}) plus the stable
 * {@code code} and, for validation failures, the {@code errors}. One record for both
 * services, so their error bodies are identical byte for byte; detail texts never carry
 * stack traces, SQL or class names.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
		List<Violation> errors) {

	public static final String MEDIA_TYPE = "application/problem+json";

	public static Problem of(ErrorCode code, String detail, String instance) {
		return new Problem(code.type(), code.title(), code.status(), detail, instance, code.name(), List.of());
	}

	public static Problem of(ErrorCode code, String instance) {
		return of(code, code.defaultDetail(), instance);
	}

	public static Problem of(ApiException exception, String instance) {
		ErrorCode code = exception.code();
		return new Problem(code.type(), code.title(), code.status(), exception.getMessage(), instance, code.name(),
				exception.violations());
	}

}
