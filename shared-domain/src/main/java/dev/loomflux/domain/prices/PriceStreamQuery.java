package dev.loomflux.domain.prices;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.Ids;

/**
 * The validated {@code ids} of a price stream: 1 to {@value #MAX_PRODUCTS} distinct
 * product ids, in the order the client gave them (each second's events follow it).
 *
 * @param productIds the products, in request order
 */
public record PriceStreamQuery(List<Long> productIds) {

	public static final int MAX_PRODUCTS = 50;

	static final String IDS_MESSAGE = "must be 1 to " + MAX_PRODUCTS
			+ " distinct positive 64-bit integers, comma-separated";

	public PriceStreamQuery {
		productIds = List.copyOf(productIds);
	}

	/**
	 * Parses {@code ids=1,2,3}.
	 * @throws ApiException {@code VALIDATION_FAILED} for field {@code ids}
	 */
	public static PriceStreamQuery parse(String ids) {
		if (ids == null || ids.isEmpty()) {
			throw invalid();
		}
		String[] parts = ids.split(",", -1);
		if (parts.length > MAX_PRODUCTS) {
			throw invalid();
		}
		List<Long> productIds = new ArrayList<>(parts.length);
		Set<Long> seen = new HashSet<>();
		for (String part : parts) {
			long id = parseId(part);
			// a repeated id would double that product's events: more likely a client bug
			if (id == 0 || !seen.add(id)) {
				throw invalid();
			}
			productIds.add(id);
		}
		return new PriceStreamQuery(productIds);
	}

	private static long parseId(String raw) {
		try {
			return Ids.parse("ids", raw);
		}
		catch (ApiException invalid) {
			return 0;
		}
	}

	private static ApiException invalid() {
		return ApiException.validation("ids", IDS_MESSAGE);
	}

}
