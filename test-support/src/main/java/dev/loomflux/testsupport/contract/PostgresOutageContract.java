package dev.loomflux.testsupport.contract;

import java.time.Duration;
import java.util.UUID;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.TcpProxy;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL going away while the service runs, and coming back, run unchanged against
 * both services. The service reaches the real PostgreSQL through a {@link TcpProxy} that
 * the test cuts (every pooled connection is closed under the pool's feet, new ones are
 * refused, as when the server stops) and restores. While it is gone: requests that need
 * it answer 503 {@code DATABASE_UNAVAILABLE}, bounded by the pool's acquire timeout
 * rather than hanging; a product in the Redis cache is still served; readiness and
 * liveness stay UP, so the pod keeps its place behind its Service (every replica shares
 * the database: taking them all out would leave clients with refused connections instead
 * of these answers) and nothing restarts the process. Once it is back, orders go through
 * again, with the same process and pool.
 */
@ServiceTest
@TestPropertySource(
		properties = { "bff.db.acquire-timeout-millis=500", "bff.db.pool-size=" + PostgresOutageContract.POOL_SIZE })
public abstract class PostgresOutageContract {

	/** As every test context's (see TestInfrastructureInitializer), stated here. */
	static final int POOL_SIZE = 5;

	/** No other contract orders this product. */
	private static final long PRODUCT = 1911;

	/**
	 * Read before the outage, so that the Redis cache holds it while PostgreSQL is gone.
	 */
	private static final long CACHED_PRODUCT = 1912;

	/** How long a hung request may take before the test calls it hanging. */
	private static final Duration NOT_HANGING = Duration.ofSeconds(10);

	private static final TcpProxy POSTGRES = TcpProxy.to(TestInfrastructure.get().postgresHost(),
			TestInfrastructure.get().postgresPort());

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void reachPostgresThroughTheProxy(DynamicPropertyRegistry registry) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl("127.0.0.1", POSTGRES.port()));
		registry.add("spring.r2dbc.url", () -> infrastructure.r2dbcUrl("127.0.0.1", POSTGRES.port()));
	}

	@AfterAll
	static void closeProxy() {
		POSTGRES.close();
	}

	@Test
	void shouldAnswer503AndStayReadyWhilePostgresIsGoneThenRecoverWithoutARestart() {
		HttpApi api = HttpApi.onPort(this.port);
		// readiness no longer waits for the database: the first acquire of a cold r2dbc
		// pool can outlast this test's 500 ms acquire timeout on a busy machine
		awaitAPage(api);
		assertThat(order(api).status()).as("before the outage").isEqualTo(201);
		int stock = OrderData.stock(PRODUCT);
		// read once, so that the product is in the Redis cache
		assertThat(api.get("/api/products/" + CACHED_PRODUCT).status()).isEqualTo(200);

		POSTGRES.cut();
		try {
			Reply refused = timed(() -> order(api));
			assertProblem(refused, 503, "DATABASE_UNAVAILABLE");
			// also a read that the cache cannot answer: a page of the product list
			assertProblem(timed(() -> api.get("/api/products?category=garden&limit=5")), 503, "DATABASE_UNAVAILABLE");
			assertThat(api.get("/api/products/" + CACHED_PRODUCT).status()).as("a cached product, from Redis")
				.isEqualTo(200);
			assertThat(api.get("/readyz").status()).as("readiness: the pod keeps receiving traffic").isEqualTo(200);
			assertThat(api.get("/livez").status()).as("liveness: no restart wanted").isEqualTo(200);
		}
		finally {
			POSTGRES.restore();
		}

		// the pool reconnects by itself: a read that needs PostgreSQL answers again
		awaitAPage(api);
		assertThat(OrderData.stock(PRODUCT)).as("the refused order took no stock").isEqualTo(stock);
		assertThat(order(api).status()).as("after the outage, the same process").isEqualTo(201);
		assertThat(OrderData.stock(PRODUCT)).isEqualTo(stock - 1);
	}

	/**
	 * PostgreSQL restarted (or failed over) while the service was idle: every pooled
	 * connection is dead, but none of the requests that follow may fail for it. HikariCP
	 * tests a connection that has been idle (for 500 ms or more) before it lends it, and
	 * takes another; the r2dbc pool validates it too, but gave up after one more (its
	 * {@code acquire-retry} was 1), so until every dead connection had been handed out
	 * once, service-reactive answered 503 (80 s of them at one request every 10 s, seen
	 * by hand).
	 */
	@Test
	void shouldServeTheFirstRequestsAfterAQuickRestartOfPostgres() throws Exception {
		HttpApi api = HttpApi.onPort(this.port);
		String page = "/api/products?category=toys&limit=5";
		// every connection of the pool in use at once, so that all of them are open
		assertThat(api.getConcurrently(java.util.Collections.nCopies(POOL_SIZE * 2, page))).containsOnly(200);
		// HikariCP lends a connection used in the last 500 ms untested
		// (aliveBypassWindow):
		// one that broke in that window fails the request that gets it, in both services
		Thread.sleep(Duration.ofSeconds(1));

		POSTGRES.cut();
		POSTGRES.restore();
		awaitPostgresThroughTheProxy();

		for (int i = 0; i < POOL_SIZE * 2; i++) {
			Reply reply = api.get(page);
			assertThat(reply.status()).as("request %d after the restart: %s", i, reply).isEqualTo(200);
		}
	}

	/**
	 * Until a read that needs PostgreSQL answers 200; on timeout the failure shows the
	 * last reply and the pool's state (once seen in CI: service-reactive's pool never
	 * recovered, with nothing to say why).
	 */
	private void awaitAPage(HttpApi api) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Reply reply = api.get("/api/products?category=garden&limit=5");
			assertThat(reply.status()).as("%s %s; pool: %s", reply.status(), reply.text(), poolState()).isEqualTo(200);
		});
	}

	/** The pool's gauges from the service's metrics, as an operator would read them. */
	private String poolState() {
		return HttpApi.onPort(this.managementPort)
			.get("/actuator/prometheus")
			.text()
			.lines()
			.filter((line) -> line.startsWith("hikaricp_connections") || line.startsWith("r2dbc_pool"))
			.toList()
			.toString();
	}

	private static void awaitPostgresThroughTheProxy() {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		await().atMost(NOT_HANGING).ignoreExceptions().until(() -> {
			try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
					infrastructure.jdbcUrl("127.0.0.1", POSTGRES.port()), infrastructure.user(),
					infrastructure.password())) {
				return connection.isValid(1);
			}
		});
	}

	/** The reply, failing the test if it took so long that the request was hanging. */
	private static Reply timed(java.util.function.Supplier<Reply> request) {
		long start = System.nanoTime();
		Reply reply = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("answered, not hanging: %s", reply).isLessThan(NOT_HANGING);
		return reply;
	}

	private static Reply order(HttpApi api) {
		return OrdersContract.placeOne(api, UUID.randomUUID().toString(), 1, PRODUCT);
	}

}
