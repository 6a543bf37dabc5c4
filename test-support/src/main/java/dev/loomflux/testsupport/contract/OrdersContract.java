package dev.loomflux.testsupport.contract;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.Tokens;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TestInfrastructure;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders contract, run unchanged against both services: an order changes stock, cart
 * and cache together or not at all, and a key places at most one order. Each test orders
 * products of its own above 1000 (see {@link Fixtures}).
 */
@ServiceTest
public abstract class OrdersContract {

	private static final String ORDERS = "/api/orders";

	/** A customer no other contract uses: their carts share one Redis. */
	private static final long CUSTOMER = 621;

	@LocalServerPort
	private int port;

	private HttpApi api;

	private final RedisCommands<String, String> redis = TestInfrastructure.get().redis();

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port).as(CUSTOMER);
	}

	@Test
	void shouldPlaceAnOrderDecrementStockClearTheCartAndEvictTheCache() {
		int stock1001 = OrderData.stock(1001);
		int stock1002 = OrderData.stock(1002);
		this.redis.del("cart:" + CUSTOMER);
		this.redis.hset("cart:" + CUSTOMER, Map.of("1001", "1", "1002", "4", "7", "1"));
		this.api.get("/api/products/1001");
		assertThat(this.redis.exists("product:1001")).isOne();

		Reply reply = post(key(), body(CUSTOMER, 1002, 3, 1001, 2));

		assertThat(reply.status()).as("%s", reply).isEqualTo(201);
		JsonNode order = reply.json();
		assertThat(reply.header("Location")).isEqualTo("/api/orders/" + order.get("id").asLong());
		assertThat(order.get("customerId").asLong()).isEqualTo(CUSTOMER);
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("items").get(0).get("productId").asLong()).isEqualTo(1001);
		assertThat(order.get("items").get(1).get("quantity").asInt()).isEqualTo(3);
		long price1001 = order.get("items").get(0).get("unitPriceCents").asLong();
		long price1002 = order.get("items").get(1).get("unitPriceCents").asLong();
		assertThat(price1001).isEqualTo(this.api.get("/api/products/1001").json().get("priceCents").asLong());
		assertThat(order.get("totalCents").asLong()).isEqualTo(2 * price1001 + 3 * price1002);
		assertThat(OrderData.stock(1001)).isEqualTo(stock1001 - 2);
		assertThat(OrderData.stock(1002)).isEqualTo(stock1002 - 3);
		assertThat(this.redis.hgetall("cart:" + CUSTOMER)).isEqualTo(Map.of("7", "1"));
		this.redis.del("product:1001");
	}

	@Test
	void shouldEvictTheOrderedProductsFromTheCache() {
		this.api.get("/api/products/1003");
		assertThat(this.redis.exists("product:1003")).isOne();

		Reply reply = post(key(), body(CUSTOMER, 1003, 1));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(this.redis.exists("product:1003")).isZero();
		assertThat(this.api.get("/api/products/1003").json().get("stock").asInt()).isEqualTo(OrderData.stock(1003));
	}

	@Test
	void shouldReturnThePlacedOrderByItsId() {
		Reply placed = post(key(), body(CUSTOMER, 1004, 1, 1005, 2));

		Reply reply = get(placed.header("Location"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).isEqualTo(placed.text());
	}

	@Test
	void shouldReturnASeededOrderToItsCustomerOnly() {
		// the seed's order 1 is customer 7920's: 1 + (1 * 7919) % 10000
		Reply reply = OpenApiContract.checkedGet(this.api.as(7920), "/api/orders/1");
		Reply other = get("/api/orders/1");

		assertProblem(other, 404, "ORDER_NOT_FOUND");
		assertProblem(OpenApiContract.checkedGet(this.api.anonymous(), "/api/orders/1"), 401, "UNAUTHENTICATED");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("status").asString()).isEqualTo("DELIVERED");
		assertThat(reply.json().get("items")).isNotEmpty();
	}

	@Test
	void shouldReplayTheSameKeyAndPayloadWithTheOriginalOrderAndPlaceNoOther() {
		String key = key();
		int stock = OrderData.stock(1006);
		Reply first = post(key, body(CUSTOMER, 1006, 2, 1007, 1));

		Reply replay = post(key, body(CUSTOMER, 1007, 1, 1006, 2));

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.header("Location")).isNull();
		assertThat(replay.text()).isEqualTo(first.text());
		assertThat(OrderData.ordersWithKey(key)).isOne();
		assertThat(OrderData.stock(1006)).isEqualTo(stock - 2);
	}

	@Test
	void shouldReturn422ForTheSameKeyWithAnotherPayloadAndChangeNothing() {
		String key = key();
		post(key, body(CUSTOMER, 1008, 1));
		int stock = OrderData.stock(1008);

		assertProblem(post(key, body(CUSTOMER, 1008, 2)), 422, "IDEMPOTENCY_KEY_REUSED");

		assertThat(OrderData.ordersWithKey(key)).isOne();
		assertThat(OrderData.stock(1008)).isEqualTo(stock);
	}

	@Test
	void shouldKeepAKeyToItsCustomerSoAnotherCustomersSameKeyPlacesItsOwnOrder() {
		String key = key();
		HttpApi other = this.api.as(CUSTOMER + 1);
		int stock = OrderData.stock(1017);
		Reply first = post(key, body(CUSTOMER, 1017, 1));

		Reply theirs = post(other, key, body(CUSTOMER + 1, 1017, 1));
		Reply replay = post(key, body(CUSTOMER, 1017, 1));

		assertThat(first.status()).isEqualTo(201);
		assertThat(theirs.status()).as("%s", theirs).isEqualTo(201);
		assertThat(theirs.json().get("customerId").asLong()).isEqualTo(CUSTOMER + 1);
		assertThat(theirs.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.text()).isEqualTo(first.text());
		assertThat(OrderData.ordersWithKey(key)).isEqualTo(2);
		assertThat(OrderData.stock(1017)).isEqualTo(stock - 2);
	}

	@Test
	void shouldReturn400WhenTheKeyIsMissing() {
		long orders = OrderData.orders();

		Reply reply = post(null, body(CUSTOMER, 1009, 1));

		assertProblem(reply, 400, "IDEMPOTENCY_KEY_MISSING");
		assertThat(OrderData.orders()).isEqualTo(orders);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 256 })
	void shouldReturn400ForAKeyOfTheWrongLength(int length) {
		Reply reply = post("k".repeat(length), body(CUSTOMER, 1009, 1));

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					{"customerId":621,"items":[{"productId":1009,"quantity":101}]}            | VALIDATION_FAILED | items[0].quantity
					{"customerId":621,"items":[{"productId":1009,"quantity":0}]}              | VALIDATION_FAILED | items[0].quantity
					{"customerId":621,"items":[{"productId":1009}]}                           | VALIDATION_FAILED | items[0].quantity
					{"customerId":621,"items":[{"productId":1009,"quantity":1},{"productId":1009,"quantity":2}]} | VALIDATION_FAILED | items[1].productId
					{"customerId":621,"items":[{"productId":1,"quantity":1},{"productId":2,"quantity":1},{"productId":-3,"quantity":1}]} | VALIDATION_FAILED | items[2].productId
					{"customerId":621,"items":[{"productId":1009,"quantity":"1"}]}            | VALIDATION_FAILED | items[0].quantity
					{"customerId":621,"items":[{"productId":1009,"quantity":1,"note":"x"}]}   | VALIDATION_FAILED | items[0].note
					{"customerId":621,"items":[]}                                             | VALIDATION_FAILED | items
					{"customerId":621}                                                        | VALIDATION_FAILED | items
					{"customerId":0,"items":[{"productId":1009,"quantity":1}]}                | VALIDATION_FAILED | customerId
					{"customerId":-621,"items":[{"productId":1009,"quantity":1}]}             | VALIDATION_FAILED | customerId
					{"customerId":621,"items":{}}                                             | VALIDATION_FAILED | items
					{"customerId":621,"items":[                                               | MALFORMED_REQUEST |
					""")
	void shouldRejectAnInvalidBodyAndChangeNothing(String body, String code, String field) {
		long orders = OrderData.orders();
		int stock = OrderData.stock(1009);

		Reply reply = post(key(), body);

		assertProblem(reply, 400, code);
		if (field != null) {
			assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		}
		assertThat(OrderData.orders()).isEqualTo(orders);
		assertThat(OrderData.stock(1009)).isEqualTo(stock);
	}

	@Test
	void shouldRejectMoreThanFiftyItems() {
		StringBuilder items = new StringBuilder();
		for (int id = 1101; id <= 1151; id++) {
			items.append((id > 1101) ? "," : "").append("{\"productId\":").append(id).append(",\"quantity\":1}");
		}

		Reply reply = post(key(), "{\"customerId\":621,\"items\":[" + items + "]}");

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
	}

	@Test
	void shouldPlaceTheOrderForTheTokensCustomerWhenTheBodyNamesNone() {
		Reply reply = post(key(), "{\"items\":[{\"productId\":1015,\"quantity\":1}]}");

		assertThat(reply.status()).as("%s", reply).isEqualTo(201);
		assertThat(reply.json().get("customerId").asLong()).isEqualTo(CUSTOMER);
	}

	@Test
	void shouldRefuseAnOrderForAnotherCustomerOrWithoutATokenAndChangeNothing() {
		long orders = OrderData.orders();
		int stock = OrderData.stock(1016);

		assertProblem(post(key(), body(CUSTOMER + 1, 1016, 1)), 403, "CUSTOMER_MISMATCH");
		assertProblem(post(this.api.anonymous(), key(), body(CUSTOMER, 1016, 1)), 401, "UNAUTHENTICATED");
		assertProblem(post(this.api.withToken(Tokens.get().forged(CUSTOMER)), key(), body(CUSTOMER, 1016, 1)), 401,
				"INVALID_TOKEN");

		assertThat(OrderData.orders()).isEqualTo(orders);
		assertThat(OrderData.stock(1016)).isEqualTo(stock);
	}

	@Test
	void shouldReturn404ForAnUnknownCustomerAndChangeNothing() {
		int stock = OrderData.stock(1010);
		String key = key();

		assertProblem(post(this.api.as(10001), key, body(10001, 1010, 1)), 404, "CUSTOMER_NOT_FOUND");

		assertThat(OrderData.stock(1010)).isEqualTo(stock);
		assertThat(OrderData.ordersWithKey(key)).isZero();
	}

	@Test
	void shouldReturn404ForAnUnknownProductAndChangeNothing() {
		int stock = OrderData.stock(1011);
		String key = key();

		assertProblem(post(key, body(CUSTOMER, 1011, 1, 10001, 1)), 404, "PRODUCT_NOT_FOUND");

		assertThat(OrderData.stock(1011)).isEqualTo(stock);
		assertThat(OrderData.ordersWithKey(key)).isZero();
	}

	@Test
	void shouldReturn409ForInsufficientStockAndChangeNothing() {
		OrderData.setStock(1012, 2);
		int stock1013 = OrderData.stock(1013);
		this.redis.hset("cart:" + CUSTOMER, "1013", "1");
		long orders = OrderData.orders();
		String key = key();

		assertProblem(post(key, body(CUSTOMER, 1013, 1, 1012, 3)), 409, "INSUFFICIENT_STOCK");

		assertThat(OrderData.stock(1012)).isEqualTo(2);
		assertThat(OrderData.stock(1013)).isEqualTo(stock1013);
		assertThat(OrderData.orders()).isEqualTo(orders);
		assertThat(this.redis.hget("cart:" + CUSTOMER, "1013")).isEqualTo("1");
		this.redis.hdel("cart:" + CUSTOMER, "1013");

		Reply exact = post(key, body(CUSTOMER, 1012, 2));

		assertThat(exact.status()).as("the key of a refused order is free").isEqualTo(201);
		assertThat(OrderData.stock(1012)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "-1", "9223372036854775808" })
	void shouldReturn400ForAnInvalidOrderId(String id) {
		assertProblem(get("/api/orders/" + id), 400, "VALIDATION_FAILED");
	}

	@Test
	void shouldReturn404ForAnUnknownOrder() {
		Reply reply = get("/api/orders/999999");

		assertProblem(reply, 404, "ORDER_NOT_FOUND");
		assertThat(reply.json().get("detail").asString()).isEqualTo("Order 999999 does not exist.");
	}

	@Test
	void shouldReturn415ForABodyThatIsNotJson() {
		Reply reply = this.api.send(this.api.request(ORDERS)
			.header("Content-Type", "text/plain")
			.header("Idempotency-Key", key())
			.POST(HttpRequest.BodyPublishers.ofString(body(CUSTOMER, 1009, 1))));

		assertProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
		OpenApiContract.assertConforms("POST", ORDERS, reply);
	}

	@Test
	void shouldReturn413ForAChunkedBodyOver64KiB() {
		byte[] body = ("{\"customerId\":621,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();

		Reply reply = this.api.send(this.api.request(ORDERS)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
		OpenApiContract.assertConforms("POST", ORDERS, reply);
	}

	/** A fresh key: every test's orders are its own. */
	static String key() {
		return UUID.randomUUID().toString();
	}

	/**
	 * {@code POST /api/orders} of one unit of one product, with its own Idempotency-Key.
	 */
	public static Reply placeOne(HttpApi api, String idempotencyKey, long customerId, long productId) {
		api = api.as(customerId);
		HttpRequest.Builder request = api.request("/api/orders")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body(customerId, productId, 1)));
		return api.send(request);
	}

	/** An order body; {@code lines} are product id, quantity pairs. */
	public static String body(long customerId, long... lines) {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < lines.length; i += 2) {
			items.append((i > 0) ? "," : "")
				.append("{\"productId\":")
				.append(lines[i])
				.append(",\"quantity\":")
				.append(lines[i + 1])
				.append('}');
		}
		return "{\"customerId\":" + customerId + ",\"items\":[" + items + "]}";
	}

	private Reply get(String path) {
		return OpenApiContract.checkedGet(this.api, path);
	}

	private Reply post(String key, String body) {
		return post(this.api, key, body);
	}

	private Reply post(HttpApi api, String key, String body) {
		HttpRequest.Builder request = api.request(ORDERS)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		Reply reply = api.send(request);
		OpenApiContract.assertConforms("POST", ORDERS, reply);
		return reply;
	}

}
