package dev.loomflux.testsupport.contract;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is only a cache for products: with nothing listening where Redis should be,
 * product reads still answer 200 from PostgreSQL, and readiness stays UP (it reflects
 * PostgreSQL only).
 */
@ServiceTest
@TestPropertySource(properties = { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1" })
public abstract class RedisUnavailableContract {

	@LocalServerPort
	private int port;

	@Test
	void shouldServeProductsFromPostgresWhenRedisIsUnreachable() {
		HttpApi api = HttpApi.onPort(this.port);

		for (int attempt = 0; attempt < 20; attempt++) {
			Reply reply = api.get("/api/products/1");
			assertThat(reply.status()).as("attempt %d: %s", attempt, reply).isEqualTo(200);
			assertThat(reply.text()).isEqualTo(Fixtures.PRODUCT_1);
		}
		assertThat(api.get("/readyz").status()).isEqualTo(200);
	}

	@Test
	void shouldAnswer503ForCartsWhichLiveOnlyInRedis() {
		HttpApi api = HttpApi.onPort(this.port);

		assertProblem(api.as(1).get("/api/customers/1/cart"), 503, "CART_UNAVAILABLE");
		assertProblem(api.as(1).send("PUT", "/api/customers/1/cart/items/1", "application/json", "{\"quantity\":1}"),
				503, "CART_UNAVAILABLE");
	}

	@Test
	void shouldServeTheHomePageWithoutItsCart() {
		Reply reply = HttpApi.onPort(this.port).as(1).get("/api/customers/1/home");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("degraded").toString()).isEqualTo("[\"cart\"]");
	}

}
