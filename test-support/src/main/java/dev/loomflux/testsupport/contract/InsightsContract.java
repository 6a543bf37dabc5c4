package dev.loomflux.testsupport.contract;

import java.util.List;

import dev.loomflux.domain.insights.Insights;
import dev.loomflux.domain.insights.InsightsKernel;
import dev.loomflux.domain.insights.InsightsQuery;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insights contract, run unchanged against both services: every answer is the shared
 * kernel's output for the product's price, computed here directly, so the two services
 * agree with the kernel and therefore with each other.
 */
@ServiceTest
public abstract class InsightsContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
	}

	@Test
	void shouldSimulateThirtyDaysAndTwoThousandPathsByDefault() {
		Reply reply = get("/api/products/1/insights");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/json");
		assertThat(reply.text()).isEqualTo(kernel(1, Fixtures.PRODUCT_1_PRICE_CENTS, 30, 2000));
	}

	@ParameterizedTest
	@CsvSource({ "1, 1, 1", "2, 365, 10", "3, 7, 20000", "1, 90, 500" })
	void shouldAnswerWhatTheKernelComputes(long productId, int horizonDays, int paths) {
		long price = this.api.get("/api/products/" + productId).json().get("priceCents").asLong();

		Reply reply = get("/api/products/" + productId + "/insights?horizonDays=" + horizonDays + "&paths=" + paths);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).isEqualTo(kernel(productId, price, horizonDays, paths));
	}

	@Test
	void shouldAnswerTheSameTwice() {
		String path = "/api/products/5/insights?horizonDays=60&paths=3000";

		assertThat(get(path).text()).isEqualTo(get(path).text());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			paths=20001                | paths
			paths=0                    | paths
			paths=2e3                  | paths
			horizonDays=366            | horizonDays
			horizonDays=0              | horizonDays
			horizonDays=-1             | horizonDays
			horizonDays=abc            | horizonDays
			horizonDays=30&horizonDays=31 | horizonDays
			""")
	void shouldReturn400ForParametersBeyondTheCaps(String query, String field) {
		Reply reply = get("/api/products/1/insights?" + query);

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	@Test
	void shouldReturn400ForPathsExceeding20000AndAHorizonBeyond365AtOnce() {
		Reply reply = get("/api/products/1/insights?horizonDays=366&paths=20001");

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").toString())
			.isEqualTo("[{\"field\":\"horizonDays\",\"message\":\"must be an integer between 1 and 365\"},"
					+ "{\"field\":\"paths\",\"message\":\"must be an integer between 1 and 20000\"}]");
	}

	@Test
	void shouldReturn404ForAnUnknownProduct() {
		Reply reply = get("/api/products/10001/insights");

		assertProblem(reply, 404, "PRODUCT_NOT_FOUND");
		assertThat(reply.json().get("detail").asString()).isEqualTo("Product 10001 does not exist.");
	}

	@Test
	void shouldReturn400ForAnInvalidProductId() {
		Reply reply = get("/api/products/abc/insights?paths=0");

		assertProblem(reply, 400, "VALIDATION_FAILED");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void shouldServeConcurrentSimulationsWithinTheLimit() {
		List<Integer> statuses = this.api.getConcurrently(List.of("/api/products/1/insights",
				"/api/products/2/insights", "/api/products/3/insights", "/api/products/4/insights"));

		assertThat(statuses).containsOnly(200);
	}

	private Reply get(String path) {
		return OpenApiContract.checkedGet(this.api, path);
	}

	private static String kernel(long productId, long priceCents, int horizonDays, int paths) {
		Insights insights = InsightsKernel.simulate(productId, priceCents, new InsightsQuery(horizonDays, paths));
		return JSON.writeValueAsString(insights);
	}

}
