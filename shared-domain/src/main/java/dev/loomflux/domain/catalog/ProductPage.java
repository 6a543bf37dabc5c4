package dev.loomflux.domain.catalog;

import java.util.List;

/**
 * One page of a keyset-paginated product list. {@code nextCursor} is opaque to clients
 * and {@code null} on the last page.
 */
public record ProductPage(List<Product> items, String nextCursor) {

	/**
	 * Builds the page from up to {@code limit + 1} rows: the extra row only says that
	 * another page exists, which saves a count query.
	 */
	public static ProductPage of(List<Product> rows, int limit) {
		if (rows.size() <= limit) {
			return new ProductPage(List.copyOf(rows), null);
		}
		List<Product> items = List.copyOf(rows.subList(0, limit));
		return new ProductPage(items, Long.toString(items.getLast().id()));
	}

}
