package dev.loomflux.testsupport.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TestInfrastructure;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of {@code openapi.yaml} that belongs to one customer (its
 * security requires {@code bearerAuth}, with no anonymous alternative) and sends it for
 * customer {@link #OWNER}'s data: without a token it is 401 {@code UNAUTHENTICATED}; with
 * another customer's token 403 ({@code FORBIDDEN}, or {@code CUSTOMER_MISMATCH} for an
 * order naming the owner) or, for an order, 404 {@code ORDER_NOT_FOUND}; neither changes
 * anything. Every operation under {@code /api/customers} and {@code /api/orders} must be
 * such an operation, and a new one fails here until it has a sample request below.
 */
@ServiceTest
public abstract class CustomerScopeContract {

	/** Whose data every request asks for; the seed's order 1 is this customer's. */
	private static final long OWNER = 7920;

	private static final long OTHER = 7921;

	/**
	 * A sample request per customer-scoped operation: its path with the owner's ids, and
	 * its body, if it takes one (a product that does not exist, so nothing could change).
	 */
	private static final Map<String, Sample> SAMPLES = Map.of("getCart",
			new Sample("/api/customers/" + OWNER + "/cart", null), "putCartItem",
			new Sample("/api/customers/" + OWNER + "/cart/items/10001", "{\"quantity\":1}"), "getHome",
			new Sample("/api/customers/" + OWNER + "/home", null), "createOrder",
			new Sample("/api/orders",
					"{\"customerId\":" + OWNER + ",\"items\":[{\"productId\":10001,\"quantity\":1}]}"),
			"getOrder", new Sample("/api/orders/1", null));

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
		Fixtures.awaitRedisConnected(this.api);
	}

	@Test
	void shouldRefuseEveryCustomerScopedOperationWithoutATokenOrWithAnotherCustomers() {
		List<String> walked = new ArrayList<>();
		long orders = OrderData.orders();
		for (Map.Entry<String, PathItem> path : contract().getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
				Operation operation = entry.getValue();
				boolean customerPath = path.getKey().startsWith("/api/customers/")
						|| path.getKey().startsWith("/api/orders");
				assertThat(requiresToken(operation))
					.as("%s %s needs a bearer token exactly when it is a customer's", entry.getKey(), path.getKey())
					.isEqualTo(customerPath);
				if (!customerPath) {
					continue;
				}
				Sample sample = SAMPLES.get(operation.getOperationId());
				assertThat(sample).as("a sample request for %s", operation.getOperationId()).isNotNull();
				String method = entry.getKey().name();

				Reply anonymous = send(this.api, method, sample);
				Reply other = send(this.api.as(OTHER), method, sample);

				assertProblem(anonymous, 401, "UNAUTHENTICATED");
				OpenApiContract.assertConforms(method, sample.path(), anonymous);
				assertThat(other.status()).as("%s %s with another customer's token: %s", method, sample.path(), other)
					.isIn(403, 404);
				assertThat(other.json().get("code").asString()).isIn("FORBIDDEN", "CUSTOMER_MISMATCH",
						"ORDER_NOT_FOUND");
				OpenApiContract.assertConforms(method, sample.path(), other);
				walked.add(operation.getOperationId());
			}
		}
		assertThat(walked).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
		assertThat(OrderData.orders()).isEqualTo(orders);
		assertThat(TestInfrastructure.get().redis().exists("cart:" + OWNER)).isZero();
	}

	/** Whether every way to call the operation needs a bearer token. */
	private static boolean requiresToken(Operation operation) {
		List<SecurityRequirement> security = operation.getSecurity();
		return security != null && !security.isEmpty()
				&& security.stream().allMatch((requirement) -> requirement.containsKey("bearerAuth"));
	}

	private static Reply send(HttpApi api, String method, Sample sample) {
		HttpRequest.Builder request = api.request(sample.path())
			.method(method, (sample.body() != null) ? HttpRequest.BodyPublishers.ofString(sample.body())
					: HttpRequest.BodyPublishers.noBody());
		if (sample.body() != null) {
			request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
		}
		return api.send(request);
	}

	private static OpenAPI contract() {
		try (InputStream contract = CustomerScopeContract.class.getResourceAsStream("/openapi.yaml")) {
			return new OpenAPIV3Parser()
				.readContents(new String(contract.readAllBytes(), StandardCharsets.UTF_8), null, null)
				.getOpenAPI();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Sample(String path, String body) {
	}

}
