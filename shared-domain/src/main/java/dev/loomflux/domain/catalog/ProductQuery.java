package dev.loomflux.domain.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.error.Violation;

/**
 * A validated product list request: optional category, page size, and the keyset cursor
 * (the last id of the previous page; 0 for the first page).
 *
 * @param category the category, or {@code null} for all
 * @param limit page size, 1..{@value #MAX_LIMIT}
 * @param afterId only products with a greater id
 */
public record ProductQuery(String category, int limit, long afterId) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]{0,39}");

	/**
	 * Parses the raw query parameters, reporting every invalid one at once.
	 * @throws ApiException {@code VALIDATION_FAILED} naming each invalid parameter
	 */
	public static ProductQuery parse(String category, String limit, String after) {
		List<Violation> violations = new ArrayList<>();
		if (category != null && !CATEGORY.matcher(category).matches()) {
			violations.add(new Violation("category", "must match " + CATEGORY.pattern()));
		}
		int pageSize = parseLimit(limit);
		if (pageSize == 0) {
			violations.add(new Violation("limit", "must be an integer between 1 and " + MAX_LIMIT));
		}
		long afterId = 0;
		if (after != null) {
			try {
				afterId = Ids.parse("after", after);
			}
			catch (ApiException invalid) {
				violations.add(new Violation("after", "must be a cursor returned as nextCursor"));
			}
		}
		if (!violations.isEmpty()) {
			throw ApiException.validation(violations);
		}
		return new ProductQuery(category, pageSize, afterId);
	}

	private static int parseLimit(String raw) {
		if (raw == null) {
			return DEFAULT_LIMIT;
		}
		if (raw.length() > 3 || !Ids.isAsciiDigits(raw)) {
			return 0;
		}
		int value = Integer.parseInt(raw);
		return (value >= 1 && value <= MAX_LIMIT) ? value : 0;
	}

}
