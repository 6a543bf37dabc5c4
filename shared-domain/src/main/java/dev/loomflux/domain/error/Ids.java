package dev.loomflux.domain.error;

/**
 * Parses identifiers from path and query text. The services take ids as text and parse
 * them here rather than letting MVC or WebFlux convert them, so that a bad id gets the
 * same status, code and message from both frameworks.
 */
public final class Ids {

	public static final String POSITIVE_ID = "must be a positive 64-bit integer";

	private Ids() {
	}

	public static long parse(String field, String raw) {
		long id = parseOrZero(raw);
		if (id <= 0) {
			throw ApiException.validation(field, POSITIVE_ID);
		}
		return id;
	}

	/**
	 * The id, or 0 when the text is not a positive 64-bit integer in plain decimal
	 * digits.
	 */
	static long parseOrZero(String raw) {
		if (raw == null || raw.length() > 19 || !isAsciiDigits(raw)) {
			return 0;
		}
		try {
			return Long.parseLong(raw);
		}
		catch (NumberFormatException overflow) {
			return 0;
		}
	}

	/**
	 * Whether the text is one or more ASCII digits. {@link Character#isDigit} would also
	 * accept other scripts' digits, which {@link Long#parseLong} then quietly reads as
	 * numbers.
	 */
	public static boolean isAsciiDigits(String raw) {
		if (raw.isEmpty()) {
			return false;
		}
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
