package dev.loomflux.comparison;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.loomflux.gatling.endpoints.Tokens;

/**
 * Warms a variant up until its throughput is steady, not for a fixed time: on one core
 * the JIT competes with the load, and a fixed 10 s warm-up once cut measured throughput
 * to a third. A closed loop of {@code concurrency} requests over every endpoint the
 * scenarios use (so each code path is compiled), in rounds; steady when the last rounds
 * agree within the tolerance. The service is given every core while it warms up
 * ({@link ServiceUnderTest#widen}), so that its JIT compiler threads do not compete with
 * the requests for its single core.
 */
final class Warmup {

	/**
	 * Warm-up orders use products the scenarios do not order from, so hot-product stock
	 * is intact.
	 */
	private static final int FIRST_WARMUP_PRODUCT = 5001;

	/** The seed's customers, whose pages the warm-up opens. */
	private static final int CUSTOMERS = 10_000;

	private final Profile.Warmup settings;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	Warmup(Profile.Warmup settings) {
		this.settings = settings;
	}

	/**
	 * Requests/s of each round; the last {@code steadyRounds} agree unless time ran out.
	 */
	record Outcome(List<Double> rounds, boolean steady) {
	}

	Outcome run(String baseUrl) throws InterruptedException {
		// the customers' tokens, minted before the first round is timed
		Tokens.load(Settings.issuer(), CUSTOMERS);
		List<Double> rounds = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(this.settings.maxSeconds()).toNanos();
		while (System.nanoTime() < deadline) {
			rounds.add(round(baseUrl));
			if (steady(rounds, this.settings.steadyRounds(), this.settings.tolerance())) {
				return new Outcome(rounds, true);
			}
		}
		return new Outcome(rounds, false);
	}

	/**
	 * Whether the last {@code count} rounds spread by at most {@code tolerance} of their
	 * mean (max - min, so a slow steady climb, the JIT still at work, is not mistaken for
	 * steady).
	 */
	static boolean steady(List<Double> rounds, int count, double tolerance) {
		if (rounds.size() < count) {
			return false;
		}
		var last = rounds.subList(rounds.size() - count, rounds.size())
			.stream()
			.mapToDouble(Double::doubleValue)
			.summaryStatistics();
		return last.getAverage() > 0 && last.getMax() - last.getMin() <= tolerance * last.getAverage();
	}

	private double round(String baseUrl) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		long start = System.nanoTime();
		try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < this.settings.concurrency(); i++) {
				loops.submit(() -> {
					while (running.get()) {
						if (send(baseUrl)) {
							done.incrementAndGet();
						}
					}
				});
			}
			Thread.sleep(Duration.ofSeconds(this.settings.roundSeconds()));
			running.set(false);
		}
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	private boolean send(String baseUrl) {
		try {
			HttpResponse<Void> reply = this.client.send(request(baseUrl), HttpResponse.BodyHandlers.discarding());
			return reply.statusCode() < 500;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The customer's token from the stub's TEST issuer, minted for every customer before
	 * the warm-up, as the load generator does before its run.
	 */
	private static String bearer(long customer) {
		return "Bearer " + Tokens.of(customer);
	}

	/** The mix: mostly product reads, some of every other endpoint. */
	private static HttpRequest request(String baseUrl) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int draw = random.nextInt(100);
		long customer = 1 + random.nextInt(CUSTOMERS);
		long product = 1 + random.nextInt(100);
		String path;
		HttpRequest.Builder builder;
		if (draw < 55) {
			builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/products/" + product));
		}
		else if (draw < 65) {
			builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/products?category=books&limit=20"));
		}
		else if (draw < 80) {
			builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/customers/" + customer + "/home"))
				.header("Authorization", bearer(customer));
		}
		else if (draw < 88) {
			path = "/api/customers/" + customer + "/cart/items/" + product;
			builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.header("Authorization", bearer(customer))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"));
		}
		else if (draw < 94) {
			builder = HttpRequest
				.newBuilder(URI.create(baseUrl + "/api/products/" + product + "/insights?horizonDays=30&paths=1000"));
		}
		else {
			long warmupProduct = FIRST_WARMUP_PRODUCT + random.nextInt(4000);
			builder = HttpRequest.newBuilder(URI.create(baseUrl + "/api/orders"))
				.header("Authorization", bearer(customer))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":" + customer + ",\"items\":[{\"productId\":"
						+ warmupProduct + ",\"quantity\":1}]}"));
		}
		return builder.timeout(Duration.ofSeconds(5)).build();
	}

}
