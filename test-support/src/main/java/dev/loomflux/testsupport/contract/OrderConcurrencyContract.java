package dev.loomflux.testsupport.contract;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.OrdersContract.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders under contention, run unchanged against both services: many concurrent orders on
 * a few hot products never oversell (every unit is either still in stock or in exactly
 * one order), never deadlock, and one key sent many times at once places one order.
 * Statuses and data are asserted, never timings: the machine is shared.
 */
@ServiceTest
public abstract class OrderConcurrencyContract {

	private static final List<Long> HOT = List.of(2001L, 2002L, 2003L, 2004L, 2005L);

	private static final int INITIAL_STOCK = 40;

	private static final int ORDERS = 200;

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
	}

	@Test
	void shouldNeverOversellHotProductsUnderConcurrentOrders() throws Exception {
		HOT.forEach((id) -> OrderData.setStock(id, INITIAL_STOCK));
		Random random = new Random(42);
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			bodies.add(hotOrder(random, 1 + i % 100));
		}

		List<Reply> replies = sendAllAtOnce(bodies, (i) -> "hot-" + i);

		assertThat(replies).allSatisfy((reply) -> assertThat(reply.status() == 201
				|| (reply.status() == 409 && reply.text().contains("\"code\":\"INSUFFICIENT_STOCK\"")))
			.as("%s", reply)
			.isTrue());
		assertThat(replies).filteredOn((reply) -> reply.status() == 201).isNotEmpty();
		assertThat(replies).filteredOn((reply) -> reply.status() == 409).isNotEmpty();
		for (long id : HOT) {
			int remaining = OrderData.stock(id);
			assertThat(remaining).as("stock of %d", id).isGreaterThanOrEqualTo(0);
			assertThat(remaining + OrderData.orderedQuantity(id, "hot-")).as("stock of %d accounted for", id)
				.isEqualTo(INITIAL_STOCK);
		}
	}

	@Test
	void shouldPlaceOneOrderForOneKeySentManyTimesAtOnce() throws Exception {
		int stock = OrderData.stock(2010);
		String key = OrdersContract.key();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			bodies.add(body(700, 2010, 1, 2011, 2));
		}

		List<Reply> replies = sendAllAtOnce(bodies, (i) -> key);

		assertThat(OrderData.ordersWithKey(key)).isOne();
		assertThat(OrderData.stock(2010)).isEqualTo(stock - 1);
		List<Reply> placed = replies.stream().filter((reply) -> reply.status() == 201).toList();
		assertThat(placed).hasSize(1);
		String order = placed.getFirst().text();
		assertThat(replies).allSatisfy(
				(reply) -> assertThat((reply.status() == 201 || reply.status() == 200) ? reply.text().equals(order)
						: reply.status() == 409 && reply.text().contains("\"code\":\"IDEMPOTENCY_KEY_IN_FLIGHT\""))
					.as("%s", reply)
					.isTrue());
	}

	/** One or two of the hot products, 1 to 3 of each. */
	private static String hotOrder(Random random, long customerId) {
		List<Long> products = new ArrayList<>(HOT);
		java.util.Collections.shuffle(products, random);
		return (random.nextBoolean())
				? body(customerId, products.get(0), 1 + random.nextInt(3), products.get(1), 1 + random.nextInt(3))
				: body(customerId, products.get(0), 1 + random.nextInt(3));
	}

	/** The customer a body names: its order goes with that customer's token. */
	private static long customerOf(String body) {
		java.util.regex.Matcher customer = java.util.regex.Pattern.compile("\"customerId\":(\\d+)").matcher(body);
		if (!customer.find()) {
			throw new IllegalArgumentException(body);
		}
		return Long.parseLong(customer.group(1));
	}

	/**
	 * Sends every body from its own virtual thread, released together, and returns the
	 * replies in body order.
	 */
	private List<Reply> sendAllAtOnce(List<String> bodies, java.util.function.IntFunction<String> keys)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Reply>> futures = new ArrayList<>();
			for (int i = 0; i < bodies.size(); i++) {
				HttpRequest.Builder request = this.api.as(customerOf(bodies.get(i)))
					.request("/api/orders")
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", keys.apply(i))
					.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)));
				futures.add(executor.submit(() -> {
					start.await();
					return this.api.send(request);
				}));
			}
			start.countDown();
			List<Reply> replies = new ArrayList<>();
			for (Future<Reply> future : futures) {
				replies.add(future.get(60, TimeUnit.SECONDS));
			}
			return replies;
		}
	}

}
