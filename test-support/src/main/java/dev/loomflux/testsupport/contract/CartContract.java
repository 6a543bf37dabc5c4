package dev.loomflux.testsupport.contract;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TestInfrastructure;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cart contract, run unchanged against both services: a Redis hash per customer,
 * priced from the catalog on every read, changed only by valid requests.
 */
@ServiceTest
public abstract class CartContract {

	private static final long CUSTOMER = 501;

	private static final String CART = "/api/customers/" + CUSTOMER + "/cart";

	@LocalServerPort
	private int port;

	private HttpApi api;

	private final RedisCommands<String, String> redis = TestInfrastructure.get().redis();

	@BeforeEach
	void emptyTheCart() {
		this.api = HttpApi.onPort(this.port).as(CUSTOMER);
		Fixtures.awaitRedisConnected(this.api);
		this.redis.del("cart:" + CUSTOMER);
	}

	@Test
	void shouldReturnAnEmptyCartForACustomerWithoutOne() {
		Reply reply = get(CART);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).isEqualTo("{\"customerId\":501,\"items\":[],\"totalCents\":0}");
	}

	@Test
	void shouldAddChangeAndRemoveItemsPricedFromTheCatalog() {
		put(CART + "/items/3", "{\"quantity\":2}");
		Reply afterTwo = put(CART + "/items/1", "{\"quantity\":1}");

		assertThat(afterTwo.status()).isEqualTo(200);
		JsonNode cart = afterTwo.json();
		long price1 = product(1).get("priceCents").asLong();
		long price3 = product(3).get("priceCents").asLong();
		assertThat(cart.get("items").get(0).get("productId").asLong()).isEqualTo(1);
		assertThat(cart.get("items").get(0).get("name").asString()).isEqualTo(product(1).get("name").asString());
		assertThat(cart.get("items").get(1).get("lineTotalCents").asLong()).isEqualTo(2 * price3);
		assertThat(cart.get("totalCents").asLong()).isEqualTo(price1 + 2 * price3);
		assertThat(this.redis.hgetall("cart:501")).isEqualTo(Map.of("1", "1", "3", "2"));
		assertThat(this.redis.ttl("cart:501")).isBetween(6L * 24 * 3600, 7L * 24 * 3600);

		Reply afterRemove = put(CART + "/items/3", "{\"quantity\":0}");

		assertThat(afterRemove.json().get("items")).hasSize(1);
		assertThat(this.redis.hgetall("cart:501")).isEqualTo(Map.of("1", "1"));
		assertThat(get(CART).text()).isEqualTo(afterRemove.text());
	}

	@Test
	void shouldPriceCachedProductsFromTheCacheAndCacheTheOthers() {
		this.redis.setex("product:5", 30, """
				{"id":5,"sku":"SKU-00005","name":"Cached Name","description":"d","category":"books",\
				"priceCents":7,"stock":1}""");
		this.redis.del("product:6");
		this.redis.hset("cart:501", Map.of("5", "3", "6", "1"));

		JsonNode cart = get(CART).json();

		assertThat(cart.get("items").get(0).get("name").asString()).isEqualTo("Cached Name");
		assertThat(cart.get("items").get(0).get("lineTotalCents").asLong()).isEqualTo(21);
		assertThat(this.redis.exists("product:6")).isOne();
		this.redis.del("product:5");
	}

	@Test
	void shouldReturn404ForAnUnknownCustomerAndChangeNothing() {
		HttpApi unknown = this.api.as(10001);
		assertProblem(OpenApiContract.checkedGet(unknown, "/api/customers/10001/cart"), 404, "CUSTOMER_NOT_FOUND");
		assertProblem(unknown.send("PUT", "/api/customers/10001/cart/items/1", "application/json", "{\"quantity\":1}"),
				404, "CUSTOMER_NOT_FOUND");

		assertThat(this.redis.exists("cart:10001")).isZero();
	}

	@Test
	void shouldReturn404ForAnUnknownProductAndChangeNothing() {
		assertProblem(put(CART + "/items/10001", "{\"quantity\":1}"), 404, "PRODUCT_NOT_FOUND");

		assertThat(this.redis.exists("cart:501")).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"quantity":101}               | VALIDATION_FAILED | quantity
			{"quantity":-1}                | VALIDATION_FAILED | quantity
			{"quantity":"2"}               | VALIDATION_FAILED | quantity
			{"quantity":1.5}               | VALIDATION_FAILED | quantity
			{"quantity":null}              | VALIDATION_FAILED | quantity
			{}                             | VALIDATION_FAILED | quantity
			{"quantity":1,"extra":true}    | VALIDATION_FAILED | extra
			{"quantity":99999999999}       | VALIDATION_FAILED | quantity
			[1]                            | VALIDATION_FAILED | body
			{"quantity":1,"quantity":2}    | MALFORMED_REQUEST |
			{"quantity":                   | MALFORMED_REQUEST |
			not json                       | MALFORMED_REQUEST |
			""")
	void shouldRejectAnInvalidBodyAndChangeNothing(String body, String code, String field) {
		Reply reply = put(CART + "/items/1", body);

		assertProblem(reply, 400, code);
		if (field != null) {
			assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		}
		assertThat(this.redis.exists("cart:501")).isZero();
	}

	@Test
	void shouldReturn400ForAnEmptyBody() {
		assertProblem(put(CART + "/items/1", ""), 400, "MALFORMED_REQUEST");
	}

	@Test
	void shouldReturn415ForABodyThatIsNotJson() {
		Reply reply = this.api.send("PUT", CART + "/items/1", "text/plain", "{\"quantity\":1}");

		assertProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
		OpenApiContract.assertConforms("PUT", CART + "/items/1", reply);
		assertThat(this.redis.exists("cart:501")).isZero();
	}

	@Test
	void shouldReturn413ForAChunkedBodyOver64KiB() {
		byte[] body = ("{\"quantity\":1,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();

		// an input stream of unknown length makes the client send the body
		// chunked, without Content-Length
		Reply reply = this.api.send(this.api.request(CART + "/items/1")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
		assertThat(this.redis.exists("cart:501")).isZero();
	}

	@CsvSource({ "abc,1", "501,abc", "0,1", "501,0" })
	@ParameterizedTest
	void shouldReturn400ForInvalidIds(String customer, String product) {
		assertProblem(put("/api/customers/" + customer + "/cart/items/" + product, "{\"quantity\":1}"), 400,
				"VALIDATION_FAILED");
	}

	@Test
	void shouldAnswer401WithoutATokenAnd403WithAnotherCustomersAndChangeNothing() {
		this.redis.hset("cart:" + CUSTOMER, "3", "2");
		HttpApi anonymous = this.api.anonymous();
		HttpApi other = this.api.as(CUSTOMER + 1);

		Reply noToken = anonymous.get(CART);
		assertProblem(noToken, 401, "UNAUTHENTICATED");
		assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"loomflux\"");
		OpenApiContract.assertConforms("GET", CART, noToken);
		assertProblem(anonymous.send("PUT", CART + "/items/3", "application/json", "{\"quantity\":0}"), 401,
				"UNAUTHENTICATED");
		Reply otherCustomer = other.get(CART);
		assertProblem(otherCustomer, 403, "FORBIDDEN");
		OpenApiContract.assertConforms("GET", CART, otherCustomer);
		assertProblem(other.send("PUT", CART + "/items/3", "application/json", "{\"quantity\":0}"), 403, "FORBIDDEN");
		Reply badToken = this.api.withToken("not.a.token").get(CART);
		assertProblem(badToken, 401, "INVALID_TOKEN");
		assertThat(badToken.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"loomflux\", error=\"invalid_token\"");
		assertThat(this.redis.hget("cart:" + CUSTOMER, "3")).isEqualTo("2");
	}

	private JsonNode product(long id) {
		return this.api.get("/api/products/" + id).json();
	}

	private Reply get(String path) {
		return OpenApiContract.checkedGet(this.api, path);
	}

	private Reply put(String path, String body) {
		Reply reply = this.api.send("PUT", path, "application/json", body);
		OpenApiContract.assertConforms("PUT", path, reply);
		return reply;
	}

}
