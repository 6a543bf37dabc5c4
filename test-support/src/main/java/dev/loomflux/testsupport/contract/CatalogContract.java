package dev.loomflux.testsupport.contract;

import java.util.ArrayList;
import java.util.List;

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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog contract, written once and run unchanged against both services (each has an
 * empty subclass), over HTTP, over the real PostgreSQL and Redis.
 */
@ServiceTest
public abstract class CatalogContract {

	@LocalServerPort
	private int port;

	private HttpApi api;

	private final RedisCommands<String, String> redis = TestInfrastructure.get().redis();

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
		Fixtures.awaitRedisConnected(this.api);
	}

	@Test
	void shouldReturnASeededProductById() {
		this.redis.del("product:1");

		Reply reply = get("/api/products/1");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/json");
		assertThat(reply.text()).isEqualTo(Fixtures.PRODUCT_1);
	}

	@Test
	void shouldCacheAProductOnItsFirstReadWithATtl() {
		this.redis.del("product:42");

		Reply reply = get("/api/products/42");

		assertThat(this.redis.get("product:42")).isEqualTo(reply.text());
		assertThat(this.redis.ttl("product:42")).isBetween(1L, 60L);
	}

	@Test
	void shouldServeACachedProductWithoutAskingPostgres() {
		String cached = """
				{"id":43,"sku":"SKU-00043","name":"Only In Redis","description":"d",\
				"category":"movies","priceCents":1,"stock":2}""";
		this.redis.setex("product:43", 30, cached);

		Reply reply = get("/api/products/43");

		assertThat(reply.text()).isEqualTo(cached);
		this.redis.del("product:43");
	}

	@Test
	void shouldTreatAnUnreadableCacheEntryAsAMiss() {
		this.redis.setex("product:44", 30, "{not json");

		Reply reply = get("/api/products/44");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("sku").asString()).isEqualTo("SKU-00044");
	}

	@Test
	void shouldReturn404ForUnknownProduct() {
		Reply reply = get("/api/products/10001");

		assertProblem(reply, 404, "PRODUCT_NOT_FOUND");
		assertThat(reply.json().get("detail").asString()).isEqualTo("Product 10001 does not exist.");
		assertThat(this.redis.exists("product:10001")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "-1", "1.5", "9223372036854775808", "%20", "1%20" })
	void shouldReturn400ForAnIdThatIsNotAPositive64BitInteger(String id) {
		Reply reply = get("/api/products/" + id);

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").toString())
			.isEqualTo("[{\"field\":\"id\",\"message\":\"must be a positive 64-bit integer\"}]");
	}

	@Test
	void shouldListTheFirstPageOfAllProductsByDefault() {
		Reply reply = get("/api/products");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(ids(reply.json())).containsExactlyElementsOf(range(1, 20));
		assertThat(reply.json().get("nextCursor").asString()).isEqualTo("20");
	}

	@Test
	void shouldWalkACategoryPageByPageWithoutGapsOrRepeats() {
		List<Long> seen = new ArrayList<>();
		String path = "/api/products?category=garden&limit=100";
		int pages = 0;
		while (path != null) {
			JsonNode page = get(path).json();
			page.get("items").forEach((item) -> assertThat(item.get("category").asString()).isEqualTo("garden"));
			seen.addAll(ids(page));
			JsonNode cursor = page.get("nextCursor");
			path = cursor.isNull() ? null : "/api/products?category=garden&limit=100&after=" + cursor.asString();
			pages++;
		}
		assertThat(seen).hasSize(Fixtures.PRODUCTS_PER_CATEGORY).doesNotHaveDuplicates().isSorted();
		assertThat(pages).isEqualTo(Fixtures.PRODUCTS_PER_CATEGORY / 100);
	}

	@Test
	void shouldReturnAnEmptyLastPageForAnUnknownCategory() {
		Reply reply = get("/api/products?category=unicorns");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).isEqualTo("{\"items\":[],\"nextCursor\":null}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			limit=0                       | limit
			limit=101                     | limit
			limit=abc                     | limit
			limit=1&limit=2               | limit
			after=abc                     | after
			after=-3                      | after
			category=Books                | category
			category=                     | category
			category=%27%20OR%201%3D1--   | category
			""")
	void shouldReturn400ForInvalidPageParameters(String query, String field) {
		Reply reply = get("/api/products?" + query);

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private Reply get(String path) {
		return OpenApiContract.checkedGet(this.api, path);
	}

	static void assertProblem(Reply reply, int status, String code) {
		assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.json().get("code").asString()).isEqualTo(code);
		assertThat(reply.json().get("status").asInt()).isEqualTo(status);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private static List<Long> range(long first, long last) {
		List<Long> ids = new ArrayList<>();
		for (long id = first; id <= last; id++) {
			ids.add(id);
		}
		return ids;
	}

}
