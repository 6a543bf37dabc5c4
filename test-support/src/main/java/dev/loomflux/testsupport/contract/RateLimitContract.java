package dev.loomflux.testsupport.contract;

import java.net.http.HttpRequest;
import java.util.UUID;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-customer limit on order placement, with the allowance set to 2 orders an hour:
 * a customer's third order is 429 {@code RATE_LIMITED} with {@code Retry-After} and the
 * IETF RateLimit headers and changes nothing, while another customer still orders. The
 * orders are for an unknown product (404), so only the limit's own count changes.
 */
@ServiceTest
@TestPropertySource(properties = { "bff.orders.rate-limit.capacity=2", "bff.orders.rate-limit.period=1h" })
public abstract class RateLimitContract {

	private static final long CUSTOMER = 631;

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void forgetEarlierOrders() {
		this.api = HttpApi.onPort(this.port);
		Fixtures.awaitRedisConnected(this.api);
		TestInfrastructure.get().redis().del("ratelimit:orders:" + CUSTOMER, "ratelimit:orders:" + (CUSTOMER + 1));
	}

	@Test
	void shouldRefuseACustomersOrdersBeyondTheAllowanceWith429AndItsHeaders() {
		long orders = OrderData.orders();

		assertProblem(order(CUSTOMER), 404, "PRODUCT_NOT_FOUND");
		assertProblem(order(CUSTOMER), 404, "PRODUCT_NOT_FOUND");
		Reply limited = order(CUSTOMER);

		assertProblem(limited, 429, "RATE_LIMITED");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 1800L);
		assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"orders\";q=2;w=3600");
		assertThat(limited.header("RateLimit")).isEqualTo("\"orders\";r=0;t=" + limited.header("Retry-After"));
		assertProblem(order(CUSTOMER + 1), 404, "PRODUCT_NOT_FOUND");
		assertThat(OrderData.orders()).isEqualTo(orders);
	}

	private Reply order(long customer) {
		HttpApi asCustomer = this.api.as(customer);
		Reply reply = asCustomer.send(asCustomer.request("/api/orders")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(OrdersContract.body(customer, 10001, 1))));
		OpenApiContract.assertConforms("POST", "/api/orders", reply);
		return reply;
	}

}
