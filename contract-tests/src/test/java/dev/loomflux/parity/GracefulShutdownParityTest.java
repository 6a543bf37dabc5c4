package dev.loomflux.parity;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.TestInfrastructure;
import dev.loomflux.testsupport.contract.OrderData;
import dev.loomflux.testsupport.contract.OrdersContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while an order is in flight, to each service started from its jar (a
 * {@code docker stop}, a Kubernetes rollout): the service stops accepting connections at
 * once, lets the order finish (201, its stock taken, its product cleared from the cart in
 * Redis), and only then stops. The order is held in flight deterministically: the test
 * locks the product's row, sends SIGTERM once PostgreSQL shows the order waiting for it,
 * and releases the row once new connections are refused.
 * <p>
 * What both services do, alike: new connections are refused (Tomcat and Reactor Netty
 * both close their listening socket; neither answers 503), the request in flight
 * completes, then the Redis connection and the database pool close (the cart cleanup
 * after the commit needs Redis, so a cleared cart shows Redis was still open; both web
 * servers, API and management, log that they drained before Redis closes). The JVM exits
 * with 143 (128 + SIGTERM), as any JVM stopped by SIGTERM does; Spring Boot does not
 * change that.
 */
class GracefulShutdownParityTest {

	/** No other test of this module orders this product or touches this cart. */
	private static final long PRODUCT = 1902;

	private static final long CUSTOMER = 79;

	@ParameterizedTest
	@ValueSource(strings = { "service-loom", "service-reactive" })
	void shouldFinishAnInFlightOrderBeforeStopping(String service) throws Exception {
		Map<String, String> environment = new HashMap<>(TestInfrastructure.get().environment());
		// longer than the test may take to see new connections refused, while the
		// order waits for the row; still below the 20 s of
		// spring.lifecycle.timeout-per-shutdown-phase
		environment.put("BFF_DB_STATEMENTTIMEOUTMILLIS", "10000");
		JarProcess jar = JarProcess.start(service, environment);
		Reply order;
		int exitStatus;
		int stock = OrderData.stock(PRODUCT);
		TestInfrastructure.get().redis().hset("cart:" + CUSTOMER, Long.toString(PRODUCT), "1");
		try (Connection locker = TestInfrastructure.get().openConnection();
				ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			// a ready service has its Redis connection (Redis is up): it used to
			// open in the background, up to seconds after readiness, and an order
			// placed before it did kept its products in the cart
			assertThat(jar.log()).as("Redis connection open once %s is ready", service)
				.contains("Redis connection open");
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				statement.execute("SELECT stock FROM products WHERE id = " + PRODUCT + " FOR UPDATE");
			}
			Future<Reply> inFlight = executor.submit(() -> order(jar.api(), service));
			await().atMost(Duration.ofSeconds(10)).until(() -> OrderData.backendsWaitingForALock() > 0);

			jar.terminate();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> refusesConnections(jar.port()));
			assertThat(jar.isAlive()).as("%s still running, draining the order", service).isTrue();
			locker.rollback();

			order = inFlight.get(15, TimeUnit.SECONDS);
			exitStatus = jar.awaitExit(Duration.ofSeconds(30));
		}
		finally {
			jar.close();
		}

		assertThat(order.status()).as("the in-flight order: %s", order).isEqualTo(201);
		assertThat(OrderData.stock(PRODUCT)).as("its stock was taken").isEqualTo(stock - 1);
		assertThat(TestInfrastructure.get().redis().hexists("cart:" + CUSTOMER, Long.toString(PRODUCT)))
			.as("its product cleared from the cart: Redis was still open when the order finished")
			.isFalse();
		assertThat(exitStatus).as("exit status after SIGTERM").isEqualTo(143);
		String log = jar.log();
		assertThat(log).contains("Commencing graceful shutdown").doesNotContain(" ERROR ");
		assertThat(log.indexOf("Redis connection closed")).as("Redis closed after the server drained")
			.isGreaterThan(log.lastIndexOf("Graceful shutdown complete"));
		assertThat(log).doesNotContain("Connection is already closed");
	}

	private static boolean refusesConnections(int port) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			return false;
		}
		catch (ConnectException refused) {
			return true;
		}
	}

	private static Reply order(HttpApi api, String service) {
		return OrdersContract.placeOne(api, "shutdown-" + service, CUSTOMER, PRODUCT);
	}

}
