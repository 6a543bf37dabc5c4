package dev.loomflux.comparison;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.comparison.scenario.WarmupRequest;
import dev.loomflux.gatling.endpoints.ClientHeaders;
import dev.loomflux.gatling.endpoints.Tokens;

/**
 * Warms a variant up until it is steady, not for a fixed time: on one core the JIT
 * competes with the load, and a fixed 10 s warm-up once cut measured throughput to a
 * third. A closed loop of {@code concurrency} requests, on the service's pinned core(s),
 * in rounds: once over every endpoint ({@link WarmupRequest#EVERY_ENDPOINT}) when the JVM
 * is fresh, then before each scenario with its own mix ({@code Scenario.warmupMix()}),
 * the stub behaving as in the scenario. Steady when the last rounds no longer climb by
 * more than the tolerance and the JIT compiler threads were quiet over them: a throughput
 * plateau alone once passed a variant whose C2 compiler thread then took a third of its
 * core during the first measured step.
 */
final class Warmup {

	/**
	 * The JIT is quiet over the last rounds when its compiler threads used less CPU than
	 * this share of their wall time (of one core) together, from /proc
	 * ({@link ProcStat#jitTicks()}): under 12 clock ticks in three 2 s rounds. Together,
	 * not in each: one late C2 compilation of a large method can take 40-100 ms, which
	 * held against one 2 s round would start the count again (service-loom's first
	 * warm-up, otherwise quiet, had such rounds of 3-7 %). Read from the threads' CPU
	 * time, not from the JVM's total compilation time, which counts the compiler's waits
	 * for the one core too: 1.6 s of it in a 2 s round in which the compiler threads used
	 * 0.08 s of CPU.
	 */
	static final double MAX_JIT_SHARE = 0.02;

	/** A price stream ticks every second; one that has not ticked by then is broken. */
	private static final Duration FIRST_TICK = Duration.ofSeconds(3);

	/** Between rounds, the compiler counts as caught up once idle this long. */
	private static final long COMPILER_IDLE_MILLIS = 300;

	/** The longest pause between two rounds for the compiler to catch up. */
	private static final Duration COMPILER_CATCH_UP = Duration.ofSeconds(10);

	/**
	 * Warm-up orders use products the scenarios do not order from, so hot-product stock
	 * is intact.
	 */
	private static final int FIRST_WARMUP_PRODUCT = 5001;

	/** The seed's customers, whose pages the warm-up opens. */
	static final int CUSTOMERS = 10_000;

	private final Profile.Warmup settings;

	private final Map<WarmupRequest, Integer> mix;

	private final Supplier<Long> jitTicks;

	/**
	 * HTTP/1.1 as the load generator speaks it; the JDK client's default (HTTP/2) would
	 * ask every new connection to upgrade (h2c), a path the measured load never takes.
	 */
	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	/**
	 * @param jitTicks reads the CPU time of the service's JIT compiler threads, in clock
	 * ticks; null when it could not
	 */
	Warmup(Profile.Warmup settings, Map<WarmupRequest, Integer> mix, Supplier<Long> jitTicks) {
		this.settings = settings;
		this.mix = mix;
		this.jitTicks = jitTicks;
	}

	/**
	 * Requests/s of each round and the CPU its JIT compiler threads used, as a share of
	 * the round's wall time (null where it could not be read); steady unless time ran
	 * out.
	 */
	record Outcome(List<Double> rounds, List<Double> jitShares, boolean steady) {
	}

	/**
	 * Rounds until steady or {@code maxSeconds}; then closes its connections, so that the
	 * 256 it kept open are not counted by the scenario that follows.
	 */
	Outcome run(String baseUrl, int maxSeconds) throws InterruptedException {
		try (this.client) {
			return rounds(baseUrl, maxSeconds);
		}
	}

	private Outcome rounds(String baseUrl, int maxSeconds) throws InterruptedException {
		// the customers' tokens, minted before the first round is timed
		Tokens.load(Settings.issuer(), CUSTOMERS);
		List<Double> rounds = new ArrayList<>();
		List<Double> jitShares = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
		while (System.nanoTime() < deadline) {
			Long jitBefore = this.jitTicks.get();
			long start = System.nanoTime();
			rounds.add(round(baseUrl));
			jitShares.add(jitShare(jitBefore, this.jitTicks.get(), start));
			if (steady(rounds, jitShares, this.settings.steadyRounds(), this.settings.tolerance())) {
				return new Outcome(rounds, jitShares, true);
			}
			if (jitShares.getLast() != null && jitShares.getLast() >= MAX_JIT_SHARE) {
				letTheCompilerCatchUp(this.jitTicks, deadline);
			}
		}
		return new Outcome(rounds, jitShares, false);
	}

	/**
	 * The CPU the JIT compiler threads used between two readings of their ticks, over the
	 * wall time since {@code startNanos}; null when either reading failed.
	 */
	static Double jitShare(Long ticksBefore, Long ticksAfter, long startNanos) {
		double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
		// a compiler thread that ended took its ticks with it
		return (ticksBefore != null && ticksAfter != null)
				? Math.max(0, ticksAfter - ticksBefore) / ProcStat.TICKS_PER_SECOND / wallSeconds : null;
	}

	/**
	 * Pauses the load until the JIT compiler threads have been idle for
	 * {@link #COMPILER_IDLE_MILLIS}, at most {@link #COMPILER_CATCH_UP} or until the
	 * deadline. Under a load that fills the service's one core, its compiler thread gets
	 * only its share of that core: here a service's compiler threads used a flat 15-17 %
	 * of every round for over a minute while its C2 queue held about 50 methods, so the
	 * JIT was never quiet within the time limit. Idle, the compiler has the core to
	 * itself, and each round then shows only the compilations it triggered itself.
	 */
	static void letTheCompilerCatchUp(Supplier<Long> jitTicks, long deadline) throws InterruptedException {
		long until = Math.min(deadline, System.nanoTime() + COMPILER_CATCH_UP.toNanos());
		Long last = jitTicks.get();
		while (last != null && System.nanoTime() < until) {
			Thread.sleep(COMPILER_IDLE_MILLIS);
			Long now = jitTicks.get();
			if (now == null || now.equals(last)) {
				return;
			}
			last = now;
		}
	}

	/**
	 * Whether the last {@code count} rounds no longer climb and the JIT compiler threads
	 * used under {@link #MAX_JIT_SHARE} of them together (their mean: the rounds are
	 * equally long); a round whose JIT time could not be read is not quiet.
	 * <p>
	 * The plateau is judged on the {@link #climb rise} over those rounds, not on their
	 * spread: a JVM still warming gets faster round after round, while steal, a GC pause
	 * or a few heavy requests of the mix in one 2 s round scatter the rounds both ways.
	 * In the quick run of 3 December the JIT was quiet over the last rounds of 9 of 14
	 * scenario warm-ups that nonetheless ran to their time limit on a max - min spread of
	 * 11-29 %.
	 */
	static boolean steady(List<Double> rounds, List<Double> jitShares, int count, double tolerance) {
		Double climb = climb(rounds, count);
		Double jit = jitShare(jitShares, count);
		return climb != null && climb <= tolerance && jit != null && jit < MAX_JIT_SHARE;
	}

	/**
	 * How far the last {@code count} rounds rise, as a share of their mean: the slope of
	 * their least-squares line times the {@code count - 1} rounds it spans (for three
	 * rounds, the last minus the first); negative when they fall; null when there are
	 * fewer or none answered.
	 */
	static Double climb(List<Double> rounds, int count) {
		if (rounds.size() < count || count < 2) {
			return null;
		}
		List<Double> last = rounds.subList(rounds.size() - count, rounds.size());
		double meanX = (count - 1) / 2.0;
		double meanY = last.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		if (meanY <= 0) {
			return null;
		}
		double covariance = 0;
		double variance = 0;
		for (int x = 0; x < count; x++) {
			covariance += (x - meanX) * (last.get(x) - meanY);
			variance += (x - meanX) * (x - meanX);
		}
		return covariance / variance * (count - 1) / meanY;
	}

	/**
	 * The last {@code count} rounds' max - min over their mean, reported beside the
	 * {@link #climb} as the rounds' noise; null when there are fewer or none answered.
	 */
	static Double spread(List<Double> rounds, int count) {
		if (rounds.size() < count) {
			return null;
		}
		var last = rounds.subList(rounds.size() - count, rounds.size())
			.stream()
			.mapToDouble(Double::doubleValue)
			.summaryStatistics();
		return (last.getAverage() > 0) ? (last.getMax() - last.getMin()) / last.getAverage() : null;
	}

	/**
	 * The JIT's share of the last {@code count} rounds together (their mean: the rounds
	 * are equally long); null when there are fewer or one could not be read.
	 */
	static Double jitShare(List<Double> jitShares, int count) {
		if (jitShares.size() < count) {
			return null;
		}
		List<Double> last = jitShares.subList(jitShares.size() - count, jitShares.size());
		return last.stream().allMatch(java.util.Objects::nonNull)
				? last.stream().mapToDouble(Double::doubleValue).average().orElseThrow() : null;
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
			WarmupRequest kind = draw();
			if (kind == WarmupRequest.STREAM) {
				return firstTick(baseUrl);
			}
			HttpResponse<Void> reply = this.client.send(request(baseUrl, kind), HttpResponse.BodyHandlers.discarding());
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

	/**
	 * Opens a price stream of two products, waits for its first tick (at most
	 * {@link #FIRST_TICK}) and closes it, which closes its connection, as the load
	 * generator's streams end.
	 */
	private boolean firstTick(String baseUrl) throws java.io.IOException, InterruptedException {
		long first = 1 + ThreadLocalRandom.current().nextInt(99);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(baseUrl + "/api/prices/stream?ids=" + first + "," + (first + 1)))
			.header("Accept", "text/event-stream")
			.header("Cache-Control", "no-cache")
			.header("User-Agent", ClientHeaders.USER_AGENT)
			.timeout(Duration.ofSeconds(5))
			.build();
		HttpResponse<Stream<String>> reply = this.client.send(request, HttpResponse.BodyHandlers.ofLines());
		try (Stream<String> lines = reply.body()) {
			if (reply.statusCode() != 200) {
				return false;
			}
			CompletableFuture<Boolean> tick = CompletableFuture
				.supplyAsync(() -> lines.anyMatch((line) -> line.contains("productId")), Thread.ofVirtual()::start);
			return tick.get(FIRST_TICK.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/** The next kind of request of the mix, drawn in its proportions. */
	private WarmupRequest draw() {
		int draw = ThreadLocalRandom.current().nextInt(this.mix.values().stream().mapToInt(Integer::intValue).sum());
		WarmupRequest kind = null;
		for (Map.Entry<WarmupRequest, Integer> share : this.mix.entrySet()) {
			kind = share.getKey();
			draw -= share.getValue();
			if (draw < 0) {
				break;
			}
		}
		return kind;
	}

	private HttpRequest request(String baseUrl, WarmupRequest kind) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long customer = 1 + random.nextInt(CUSTOMERS);
		long product = 1 + random.nextInt(100);
		HttpRequest.Builder builder = switch (kind) {
			case PRODUCT -> HttpRequest.newBuilder(URI.create(baseUrl + "/api/products/" + product));
			case PAGE -> HttpRequest.newBuilder(URI.create(baseUrl + "/api/products?category=books&limit=20"));
			case HOME -> HttpRequest.newBuilder(URI.create(baseUrl + "/api/customers/" + customer + "/home"))
				.header("Authorization", bearer(customer));
			case CART ->
				HttpRequest.newBuilder(URI.create(baseUrl + "/api/customers/" + customer + "/cart/items/" + product))
					.header("Authorization", bearer(customer))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"));
			case INSIGHTS -> HttpRequest
				.newBuilder(URI.create(baseUrl + "/api/products/" + product + "/insights?horizonDays=30&paths=1000"));
			case ORDER -> HttpRequest.newBuilder(URI.create(baseUrl + "/api/orders"))
				.header("Authorization", bearer(customer))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":" + customer + ",\"items\":[{\"productId\":"
						+ (FIRST_WARMUP_PRODUCT + random.nextInt(4000)) + ",\"quantity\":1}]}"));
			case STREAM -> throw new IllegalArgumentException("a stream is opened by firstTick");
		};
		// as the load generator sends them, so that the JIT compiles the branches its
		// requests take
		return builder.header("Accept", ClientHeaders.ACCEPT)
			.header("User-Agent", ClientHeaders.USER_AGENT)
			.timeout(Duration.ofSeconds(5))
			.build();
	}

}
