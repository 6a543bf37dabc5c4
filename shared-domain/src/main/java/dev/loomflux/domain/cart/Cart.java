package dev.loomflux.domain.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.loomflux.domain.catalog.Product;

/**
 * A customer's cart as the API shows it: lines in product id order, priced now.
 */
public record Cart(long customerId, List<CartItem> items, long totalCents) {

	/** The Redis hash of a customer's cart: product id -> quantity. */
	public static String key(long customerId) {
		return "cart:" + customerId;
	}

	/**
	 * Prices the stored quantities. A product that no longer exists is left out rather
	 * than failing the whole cart.
	 * @param quantities the Redis hash: product id (text) -> quantity (text)
	 * @param products the products of those ids that exist
	 */
	public static Cart of(long customerId, Map<String, String> quantities, Map<Long, Product> products) {
		List<CartItem> items = new ArrayList<>();
		long total = 0;
		for (Map.Entry<Long, Integer> line : parse(quantities).entrySet()) {
			Product product = products.get(line.getKey());
			if (product != null) {
				long lineTotal = product.priceCents() * line.getValue();
				items.add(new CartItem(product.id(), product.name(), product.priceCents(), line.getValue(), lineTotal));
				total += lineTotal;
			}
		}
		return new Cart(customerId, List.copyOf(items), total);
	}

	/** The product ids of a stored cart, for the batched product lookup. */
	public static List<Long> productIds(Map<String, String> quantities) {
		return List.copyOf(parse(quantities).keySet());
	}

	public List<Long> productIds() {
		return this.items.stream().map(CartItem::productId).toList();
	}

	/**
	 * Ignores fields that are not numbers: the hash is ours, but Redis is not a schema.
	 */
	private static Map<Long, Integer> parse(Map<String, String> quantities) {
		Map<Long, Integer> lines = new TreeMap<>();
		quantities.forEach((productId, quantity) -> {
			try {
				int value = Integer.parseInt(quantity);
				if (value > 0) {
					lines.put(Long.parseLong(productId), value);
				}
			}
			catch (NumberFormatException notOurs) {
				// skip
			}
		});
		return lines;
	}

}
