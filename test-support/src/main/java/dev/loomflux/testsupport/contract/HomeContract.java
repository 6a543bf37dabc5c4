package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page contract, run unchanged against both services with the real downstream
 * stub, whose latency and faults the tests change at run time.
 */
@ServiceTest
public abstract class HomeContract {

	private static final long CUSTOMER = 601;

	private static final String HOME = "/api/customers/" + CUSTOMER + "/home";

	@LocalServerPort
	private int port;

	private HttpApi api;

	private final DownstreamStub stub = DownstreamStub.get();

	@BeforeEach
	void prepare() {
		this.api = HttpApi.onPort(this.port).as(CUSTOMER);
		Fixtures.awaitRedisConnected(this.api);
		this.stub.reset();
		TestInfrastructure.get().redis().del("cart:" + CUSTOMER);
		TestInfrastructure.get().redis().hset("cart:" + CUSTOMER, Map.of("8", "1", "12", "2"));
	}

	@AfterEach
	void resetStub() {
		this.stub.reset();
	}

	@Test
	void shouldAssembleEverySection() {
		JsonNode home = get(HOME).json();

		assertThat(home.get("customer").toString()).isEqualTo("{\"id\":601,\"name\":\"Grace Allen\","
				+ "\"email\":\"customer601@example.com\",\"tier\":\"standard\"}");
		assertThat(ids(home.get("cart").get("items"), "productId")).containsExactly(8L, 12L);
		assertThat(home.get("recentOrders").size()).isBetween(1, 5);
		List<Long> recommended = recommendedIds();
		assertThat(ids(home.get("recommendations"), "id")).containsExactlyElementsOf(recommended);
		List<Long> candidates = new ArrayList<>(List.of(8L, 12L));
		candidates.addAll(recommended);
		assertThat(home.get("promotions").toString()).isEqualTo(promotionsFor(candidates));
		assertThat(home.get("degraded").toString()).isEqualTo("[]");
	}

	@Test
	void shouldListTheNewestOrdersFirst() {
		JsonNode orders = get(HOME).json().get("recentOrders");

		List<String> created = new ArrayList<>();
		orders.forEach((order) -> created.add(order.get("createdAt").asString()));
		assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void shouldReturn404ForAnUnknownCustomer() {
		assertProblem(OpenApiContract.checkedGet(this.api.as(10001), "/api/customers/10001/home"), 404,
				"CUSTOMER_NOT_FOUND");
		assertProblem(OpenApiContract.checkedGet(this.api.anonymous(), HOME), 401, "UNAUTHENTICATED");
		assertProblem(OpenApiContract.checkedGet(this.api.as(CUSTOMER + 1), HOME), 403, "FORBIDDEN");
	}

	@Test
	void shouldLeaveOutFailingRecommendationsAndStillPromoteTheCart() {
		this.stub.behave("recommendations", "{\"errorRate\":1.0}");

		JsonNode home = get(HOME).json();

		assertThat(home.get("degraded").toString()).isEqualTo("[\"recommendations\"]");
		assertThat(home.has("recommendations")).isFalse();
		assertThat(home.get("promotions").toString()).isEqualTo(promotionsFor(List.of(8L, 12L)));
	}

	@Test
	void shouldLeaveOutFailingPromotions() {
		this.stub.behave("promotions", "{\"errorRate\":1.0}");

		JsonNode home = get(HOME).json();

		assertThat(home.get("degraded").toString()).isEqualTo("[\"promotions\"]");
		assertThat(home.has("promotions")).isFalse();
		assertThat(home.get("recommendations").size()).isEqualTo(5);
	}

	@Test
	void shouldLeaveOutAHangingDownstreamAtItsTimeout() {
		this.stub.behave("recommendations", "{\"hangRate\":1.0}");

		JsonNode home = get(HOME).json();

		assertThat(home.get("degraded").toString()).isEqualTo("[\"recommendations\"]");
	}

	@Test
	void shouldLeaveOutEverySectionStillRunningAtTheDeadline() {
		// a slow body defeats the response timeout, which only notices silence:
		// the deadline ends it
		this.stub.behave("recommendations", "{\"slowBodyRate\":1.0,\"slowBody\":\"PT5S\"}");

		JsonNode home = get(HOME).json();

		assertThat(home.get("degraded").toString()).isEqualTo("[\"recommendations\"]");
	}

	@Test
	void shouldRecoverByItselfWhenTheDownstreamRecovers() {
		this.stub.behave("recommendations", "{\"errorRate\":1.0}");
		this.stub.behave("promotions", "{\"errorRate\":1.0}");
		assertThat(get(HOME).json().get("degraded").toString()).isEqualTo("[\"recommendations\",\"promotions\"]");

		this.stub.reset();

		assertThat(get(HOME).json().get("degraded").toString()).isEqualTo("[]");
	}

	@Test
	void shouldTakeAboutTheLongestChainNotTheSumOfTheCalls() {
		this.stub.behave("recommendations", "{\"latency\":\"PT0.1S\"}");
		this.stub.behave("promotions", "{\"latency\":\"PT0.1S\"}");
		for (int warmUp = 0; warmUp < 5; warmUp++) {
			get(HOME);
		}

		List<Duration> latencies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			assertThat(get(HOME).json().get("degraded").toString()).isEqualTo("[]");
			latencies.add(Duration.ofNanos(System.nanoTime() - started));
		}

		// recommendations then promotions: 200 ms at least; everything else runs
		// alongside. The tolerance is for a noisy machine, not a performance goal.
		Duration median = latencies.stream().sorted().toList().get(2);
		assertThat(median).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
	}

	private List<Long> recommendedIds() {
		return ids(this.stub.api().get("/recommendations/" + CUSTOMER + "?limit=5").json().get("productIds"), null);
	}

	private String promotionsFor(List<Long> productIds) {
		String ids = productIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		return this.stub.api().get("/promotions?productIds=" + ids).json().get("promotions").toString();
	}

	private static List<Long> ids(JsonNode array, String field) {
		List<Long> ids = new ArrayList<>();
		array.forEach((item) -> ids.add((field != null) ? item.get(field).asLong() : item.asLong()));
		return ids;
	}

	private Reply get(String path) {
		return OpenApiContract.checkedGet(this.api, path);
	}

}
