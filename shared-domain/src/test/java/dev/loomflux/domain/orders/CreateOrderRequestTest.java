package dev.loomflux.domain.orders;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.loomflux.domain.cart.CartItemUpdate;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CreateOrderRequestTest {

	@Test
	void shouldHashTheSamePayloadAlikeWhateverTheItemOrderAndSpacing() {
		CreateOrderRequest one = parse("{\"customerId\":1,\"items\":[{\"productId\":5,\"quantity\":2},"
				+ "{\"productId\":3,\"quantity\":1}]}");
		CreateOrderRequest other = parse("""
				{ "items": [ {"quantity":1, "productId":3}, {"productId":5,"quantity":2} ], "customerId": 1 }""");

		assertThat(one.hash()).isEqualTo(other.hash()).hasSize(64);
		assertThat(one.productIds()).containsExactly(3L, 5L);
	}

	@Test
	void shouldHashAnotherQuantityOrCustomerDifferently() {
		String base = parse("{\"customerId\":1,\"items\":[{\"productId\":5,\"quantity\":2}]}").hash();

		assertThat(parse("{\"customerId\":1,\"items\":[{\"productId\":5,\"quantity\":3}]}").hash()).isNotEqualTo(base);
		assertThat(parse("{\"customerId\":2,\"items\":[{\"productId\":5,\"quantity\":2}]}", 2).hash())
			.isNotEqualTo(base);
	}

	@Test
	void shouldTakeTheCustomerFromTheTokenAndRefuseAnotherInTheBody() {
		CreateOrderRequest withoutCustomer = parse("{\"items\":[{\"productId\":5,\"quantity\":2}]}", 7);
		CreateOrderRequest withSameCustomer = parse("{\"customerId\":7,\"items\":[{\"productId\":5,\"quantity\":2}]}",
				7);

		assertThat(withoutCustomer.customerId()).isEqualTo(7);
		assertThat(withoutCustomer.hash()).isEqualTo(withSameCustomer.hash());
		assertThat(catchThrowableOfType(ApiException.class,
				() -> parse("{\"customerId\":8,\"items\":[{\"productId\":5,\"quantity\":2}]}", 7))
			.code()).isEqualTo(ErrorCode.CUSTOMER_MISMATCH);
	}

	@Test
	void shouldNameEveryInvalidField() {
		ApiException ex = catchThrowableOfType(ApiException.class,
				() -> parse("{\"customerId\":0,\"items\":[{\"productId\":1,\"quantity\":1},"
						+ "{\"productId\":1,\"quantity\":0},{\"productId\":-2}]}"));

		assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(ex.violations()).extracting(Violation::field)
			.containsExactly("customerId", "items[1].productId", "items[1].quantity", "items[2].productId",
					"items[2].quantity");
	}

	@Test
	void shouldRefuseAJsonNullBodyAsInvalidNotFailOnIt() {
		ApiException order = catchThrowableOfType(ApiException.class, () -> parse("null"));
		ApiException cartItem = catchThrowableOfType(ApiException.class,
				() -> CartItemUpdate.parse("null".getBytes(StandardCharsets.UTF_8)));

		assertThat(order.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(order.violations()).extracting(Violation::field).containsExactly("body");
		assertThat(cartItem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void shouldRefuseMoreThanFiftyItems() {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 51; i++) {
			items.append(i > 1 ? "," : "").append("{\"productId\":").append(i).append(",\"quantity\":1}");
		}

		ApiException ex = catchThrowableOfType(ApiException.class,
				() -> parse("{\"customerId\":1,\"items\":[" + items + "]}"));

		assertThat(ex.violations()).extracting(Violation::field).containsExactly("items");
	}

	@Test
	void shouldAcceptPrintableAsciiKeysOnly() {
		assertThat(IdempotencyKey.parse("a b~")).isEqualTo("a b~");
		assertThat(catchThrowableOfType(ApiException.class, () -> IdempotencyKey.parse(null)).code())
			.isEqualTo(ErrorCode.IDEMPOTENCY_KEY_MISSING);
		for (String bad : List.of("", "x".repeat(256), "caf\u00e9", "tab\t")) {
			assertThat(catchThrowableOfType(ApiException.class, () -> IdempotencyKey.parse(bad)).violations())
				.containsExactly(new Violation("Idempotency-Key", "must be 1 to 255 printable ASCII characters"));
		}
	}

	@Test
	void shouldPriceLinesInIdOrderAndRefuseUnknownProductsAndShortStock() {
		CreateOrderRequest request = parse(
				"{\"customerId\":1,\"items\":[{\"productId\":9,\"quantity\":2},{\"productId\":4,\"quantity\":1}]}");

		List<OrderItem> lines = OrderLines.of(request,
				List.of(new StockedProduct(4, 100, 1), new StockedProduct(9, 250, 5)));

		assertThat(lines).containsExactly(new OrderItem(4, 1, 100), new OrderItem(9, 2, 250));
		assertThat(OrderLines.totalCents(lines)).isEqualTo(600);
		assertThat(catchThrowableOfType(ApiException.class,
				() -> OrderLines.of(request, List.of(new StockedProduct(4, 100, 1))))
			.code()).isEqualTo(ErrorCode.PRODUCT_NOT_FOUND);
		assertThat(catchThrowableOfType(ApiException.class,
				() -> OrderLines.of(request, List.of(new StockedProduct(4, 100, 1), new StockedProduct(9, 250, 1))))
			.code()).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
	}

	private static CreateOrderRequest parse(String json) {
		return parse(json, 1);
	}

	private static CreateOrderRequest parse(String json, long customer) {
		return CreateOrderRequest.parse(json.getBytes(StandardCharsets.UTF_8), customer);
	}

}
