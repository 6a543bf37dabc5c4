package dev.loomflux.domain.orders;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

/**
 * Turns a request and its locked product rows into order lines: the one decision both
 * services take inside the order's transaction, kept here so that they take it alike.
 */
public final class OrderLines {

	private OrderLines() {
	}

	/**
	 * The lines at the current prices, in product id order.
	 * @param locked the rows of {@link OrderSql#LOCK_PRODUCTS}, in id order
	 * @throws ApiException {@code PRODUCT_NOT_FOUND} for the first unknown product in
	 * request order; {@code INSUFFICIENT_STOCK} for the first product, in id order, with
	 * less stock than ordered
	 */
	public static List<OrderItem> of(CreateOrderRequest request, List<StockedProduct> locked) {
		Map<Long, StockedProduct> byId = locked.stream()
			.collect(Collectors.toMap(StockedProduct::id, Function.identity()));
		request.items().stream().filter((item) -> !byId.containsKey(item.productId())).findFirst().ifPresent((item) -> {
			throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product " + item.productId() + " does not exist.");
		});
		return locked.stream().map((product) -> {
			int quantity = request.quantityOf(product.id());
			if (product.stock() < quantity) {
				throw new ApiException(ErrorCode.INSUFFICIENT_STOCK, "Product " + product.id() + " has "
						+ product.stock() + " in stock; " + quantity + " were ordered.");
			}
			return new OrderItem(product.id(), quantity, product.priceCents());
		}).toList();
	}

	public static long totalCents(List<OrderItem> items) {
		return items.stream().mapToLong(OrderItem::lineTotalCents).sum();
	}

}
