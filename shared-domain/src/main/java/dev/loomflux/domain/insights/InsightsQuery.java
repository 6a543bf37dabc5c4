package dev.loomflux.domain.insights;

import java.util.ArrayList;
import java.util.List;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.error.Violation;

/**
 * The validated parameters of an insights request. Both are capped so that no request can
 * burn unbounded CPU: the kernel's work grows with {@code paths × horizonDays}.
 *
 * @param horizonDays days each path runs, 1..{@value #MAX_HORIZON_DAYS}
 * @param paths price paths to simulate, 1..{@value #MAX_PATHS}
 */
public record InsightsQuery(int horizonDays, int paths) {

	public static final int DEFAULT_HORIZON_DAYS = 30;

	public static final int MAX_HORIZON_DAYS = 365;

	public static final int DEFAULT_PATHS = 2000;

	public static final int MAX_PATHS = 20_000;

	public InsightsQuery {
		if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS || paths < 1 || paths > MAX_PATHS) {
			throw new IllegalArgumentException("horizonDays " + horizonDays + " or paths " + paths + " out of range");
		}
	}

	/**
	 * Parses the raw query parameters, reporting every invalid one at once.
	 * @throws ApiException {@code VALIDATION_FAILED} naming each invalid parameter
	 */
	public static InsightsQuery parse(String horizonDays, String paths) {
		List<Violation> violations = new ArrayList<>();
		int days = parseBounded(horizonDays, DEFAULT_HORIZON_DAYS, MAX_HORIZON_DAYS);
		if (days == 0) {
			violations.add(new Violation("horizonDays", "must be an integer between 1 and " + MAX_HORIZON_DAYS));
		}
		int pathCount = parseBounded(paths, DEFAULT_PATHS, MAX_PATHS);
		if (pathCount == 0) {
			violations.add(new Violation("paths", "must be an integer between 1 and " + MAX_PATHS));
		}
		if (!violations.isEmpty()) {
			throw ApiException.validation(violations);
		}
		return new InsightsQuery(days, pathCount);
	}

	/** The value, the default when absent, or 0 when it is not an integer in 1..max. */
	private static int parseBounded(String raw, int fallback, int max) {
		if (raw == null) {
			return fallback;
		}
		// a longer text would be a number beyond every cap, or have leading zeros
		if (raw.length() > Integer.toString(max).length() || !Ids.isAsciiDigits(raw)) {
			return 0;
		}
		int value = Integer.parseInt(raw);
		return (value >= 1 && value <= max) ? value : 0;
	}

}
