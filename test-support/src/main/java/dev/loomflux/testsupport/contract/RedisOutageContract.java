package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.Map;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TcpProxy;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away while the service runs, and coming back, run unchanged against both
 * services (the case of a Redis that was never there is
 * {@link RedisUnavailableContract}). The service reaches the real Redis through a
 * {@link TcpProxy} that the test cuts and restores. While Redis is gone: product reads
 * answer 200 from PostgreSQL, carts 503 {@code CART_UNAVAILABLE}, the home page leaves
 * out its cart, and readiness stays UP (a cache outage is no reason to take the service
 * out of the load balancer). Once Redis is back, the same process reconnects by itself
 * and serves the cart Redis kept.
 */
@ServiceTest
public abstract class RedisOutageContract {

	private static final long CUSTOMER = 1702;

	private static final String CART = "/api/customers/" + CUSTOMER + "/cart";

	private static final TcpProxy REDIS = TcpProxy.to(TestInfrastructure.get().redisHost(),
			TestInfrastructure.get().redisPort());

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void reachRedisThroughTheProxy(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", REDIS::port);
	}

	@AfterAll
	static void closeProxy() {
		REDIS.close();
	}

	@Test
	void shouldServeProductsWithoutRedisAndReconnectByItselfWhenItReturns() {
		HttpApi api = HttpApi.onPort(this.port).as(CUSTOMER);
		Fixtures.awaitRedisConnected(api);
		TestInfrastructure.get().redis().del("cart:" + CUSTOMER);
		TestInfrastructure.get().redis().hset("cart:" + CUSTOMER, Map.of("8", "2"));
		assertThat(api.get(CART).status()).as("before the outage").isEqualTo(200);

		REDIS.cut();
		try {
			for (long id = 201; id <= 220; id++) {
				Reply product = api.get("/api/products/" + id);
				assertThat(product.status()).as("product %d without Redis: %s", id, product).isEqualTo(200);
			}
			assertProblem(api.get(CART), 503, "CART_UNAVAILABLE");
			Reply home = api.get("/api/customers/" + CUSTOMER + "/home");
			assertThat(home.status()).isEqualTo(200);
			assertThat(home.json().get("degraded").toString()).contains("\"cart\"");
			assertThat(api.get("/readyz").status()).as("readiness reflects no shared dependency").isEqualTo(200);
		}
		finally {
			REDIS.restore();
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> api.get(CART).status() == 200);
		assertThat(api.get(CART).json().get("items").toString()).as("the cart Redis kept").contains("\"productId\":8");
		assertThat(api.get("/api/products/201").status()).isEqualTo(200);
		// another test class may have cached it: the read below must miss
		TestInfrastructure.get().redis().del("product:221");
		assertThat(api.get("/api/products/221").status()).isEqualTo(200);
		assertThat(TestInfrastructure.get().redis().exists("product:221")).as("the cache is filled again").isOne();
	}

}
