package dev.loomflux.parity;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.TestInfrastructure;
import dev.loomflux.testsupport.Tokens;
import dev.loomflux.testsupport.contract.OrderData;
import dev.loomflux.testsupport.contract.OrdersContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of buyers on a few hot products, against both services from their jars at once,
 * sharing one database: 64 clients place 400 orders of 1-3 units of 1-3 of 3 hot
 * products, alternating between the services, each client sending its next order as soon
 * as its last was answered. Every order waits for the hot rows' locks, and the pools fill
 * with transactions that wait for each other; a storefront must still answer each buyer
 * about the order itself: 201, or 409 {@code INSUFFICIENT_STOCK} once the stock runs out,
 * never a 5xx and never a 503 that calls a busy database unavailable. The stock is
 * accounted for to the unit. Statuses and data are asserted, never timings.
 */
class OrderBurstParityTest {

	private static final List<Long> HOT = List.of(2101L, 2102L, 2103L);

	/** About four fifths of what the burst asks for: the last orders find it gone. */
	private static final int INITIAL_STOCK = 420;

	private static final int CLIENTS = 64;

	private static final int ORDERS = 400;

	private static JarProcess loom;

	private static JarProcess reactive;

	@BeforeAll
	static void startBothServices() {
		Map<String, String> environment = TestInfrastructure.get().environment();
		loom = JarProcess.start("service-loom", environment);
		reactive = JarProcess.start("service-reactive", environment);
	}

	@AfterAll
	static void stopBothServices() {
		JarProcess.closeAll(loom, reactive);
	}

	@Test
	void shouldAnswerEveryBuyerAboutTheOrderDuringABurstOnHotProducts() throws Exception {
		HOT.forEach((id) -> OrderData.setStock(id, INITIAL_STOCK));
		List<HttpApi> services = List.of(loom.api(), reactive.api());
		List<String> bodies = orders(new Random(17));

		// the buyers' tokens, minted before the burst as a signed-in client has its own
		IntStream.rangeClosed(1, 100).forEach(Tokens::forCustomer);
		List<Reply> replies = sendFromClients(services, bodies);

		assertThat(replies).allSatisfy((reply) -> assertThat(reply.status() == 201
				|| (reply.status() == 409 && reply.text().contains("\"code\":\"INSUFFICIENT_STOCK\"")))
			.as("an answer about the order, not about the database: %s", reply)
			.isTrue());
		assertThat(replies).filteredOn((reply) -> reply.status() == 201).hasSizeGreaterThan(ORDERS / 2);
		assertThat(replies).filteredOn((reply) -> reply.status() == 409).isNotEmpty();
		for (long id : HOT) {
			int remaining = OrderData.stock(id);
			assertThat(remaining).as("stock of %d", id).isGreaterThanOrEqualTo(0);
			assertThat(remaining + OrderData.orderedQuantity(id, "burst-")).as("stock of %d accounted for", id)
				.isEqualTo(INITIAL_STOCK);
		}
	}

	/** 1 to 3 of the hot products, 1 to 3 units of each, for customers 1-100. */
	private static List<String> orders(Random random) {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			List<Long> products = new ArrayList<>(HOT);
			Collections.shuffle(products, random);
			int count = 1 + random.nextInt(HOT.size());
			long[] lines = new long[count * 2];
			for (int line = 0; line < count; line++) {
				lines[line * 2] = products.get(line);
				lines[line * 2 + 1] = 1 + random.nextInt(3);
			}
			bodies.add(OrdersContract.body(1 + i % 100, lines));
		}
		return bodies;
	}

	/**
	 * {@link #CLIENTS} clients, each sending the next unsent order as soon as its
	 * previous one was answered, order {@code i} to service {@code i % 2}; the replies in
	 * order of the bodies.
	 */
	private static List<Reply> sendFromClients(List<HttpApi> services, List<String> bodies) throws Exception {
		Reply[] replies = new Reply[bodies.size()];
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
				running.add(clients.submit(() -> {
					for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
						HttpApi api = services.get(i % services.size());
						// the order of customer 1 + i % 100 (orders()), with that
						// customer's token
						replies[i] = api.send(api.as(1 + i % 100)
							.request("/api/orders")
							.header("Content-Type", "application/json")
							.header("Idempotency-Key", "burst-" + i)
							.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))));
					}
				}));
			}
			for (Future<?> client : running) {
				client.get(120, TimeUnit.SECONDS);
			}
		}
		return List.of(replies);
	}

}
