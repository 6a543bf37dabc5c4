import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order throughput (java bench/OrdersBenchmark.java [variant ...], via bench/orders.sh): POST
 * /api/orders at fixed arrival rates (open model), one item per order, with and without contention:
 * {@code hot} puts every order on 5 products (their row locks serialise the transactions),
 * {@code spread} over 9,000. While each step runs it samples what PostgreSQL's active sessions wait
 * on (pg_stat_activity) and the service's pool-pending gauge, to say where the time goes. The
 * service runs on CPU 1, this driver on CPU 0; PostgreSQL and Redis are not pinned.
 */
public class OrdersBenchmark {

	static final List<Integer> RATES = Arrays.stream(System.getProperty("rates", "50,100,200,400").split(","))
		.map(Integer::parseInt)
		.toList();

	static final int STEP_SECONDS = Integer.getInteger("stepSeconds", 10);

	static final Pattern PENDING = Pattern
		.compile("^(hikaricp_connections_pending|r2dbc_pool_pending_connections)\\{[^}]*\\} ([0-9.E]+)", Pattern.MULTILINE);

	record Step(String scenario, int rate, double created, double p50, double p99, long conflicts, long errors,
			long sent, Map<String, Integer> waits, double maxPoolPending) {
	}

	public static void main(String[] args) throws Exception {
		List<String> names = (args.length > 0) ? List.of(args) : List.of("loom", "platform", "reactive");
		String stamp = Instant.now().toString().replace(':', '-');
		var conditions = Services.conditions();
		conditions.put("serviceCpu", "1");
		conditions.put("driverCpu", "0 (PostgreSQL and Redis unpinned)");
		conditions.put("load", "open model POST /api/orders, 1 item, quantity 1, a new Idempotency-Key each; steps of "
				+ STEP_SECONDS + " s at " + RATES + " req/s; hot = products 9001..9005, spread = 1001..10000");
		Services.writeConditions(Path.of("bench", "results", "orders-" + stamp + ".conditions.txt"), conditions);
		List<String> rows = new ArrayList<>(
				List.of("variant,scenario,rate,created_per_s,p50_ms,p99_ms,insufficient_stock,errors,sent,max_pool_pending,pg_waits"));
		for (String name : names) {
			Services.Variant variant = Services.variant(name);
			System.out.printf("%n== %s%n", name);
			psql("UPDATE products SET stock = 1000000 WHERE id > 1000");
			Process service = Services.start(variant.module(), "1", variant.flags(),
					Services.serviceEnvironment(variant, 18080), 19080, "bench-orders-" + name);
			try {
				load("spread", 100, 20); // warm-up
				for (String scenario : List.of("hot", "spread")) {
					for (int rate : RATES) {
						Step step = load(scenario, rate, STEP_SECONDS);
						System.out.printf("  %-6s %4d req/s: %6.1f created/s  p50 %7.1f  p99 %7.1f ms  errors %d/%d  "
								+ "pool pending max %.0f  pg waits %s%n", scenario, rate, step.created(), step.p50(),
								step.p99(), step.errors(), step.sent(), step.maxPoolPending(), step.waits());
						rows.add(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%.1f,%d,%d,%d,%.0f,\"%s\"", name,
								scenario, rate, step.created(), step.p50(), step.p99(), step.conflicts(), step.errors(),
								step.sent(), step.maxPoolPending(), step.waits()));
					}
				}
			}
			finally {
				Services.stop(service);
			}
		}
		Path csv = Path.of("bench", "results", "orders-" + stamp + ".csv");
		Files.write(csv, rows);
		System.out.println("\nwritten " + csv);
	}

	static Step load(String scenario, int rate, int seconds) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
		Map<String, Integer> waits = new ConcurrentHashMap<>();
		double[] maxPending = { 0 };
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = Thread.ofVirtual().start(() -> {
			while (sampling.get()) {
				sample(client, waits, maxPending);
			}
		});
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < rate * seconds; i++) {
			long scheduled = start + i * interval;
			long wait = scheduled - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			long product = scenario.equals("hot") ? random.nextLong(9001, 9006) : random.nextLong(1001, 10_001);
			String body = "{\"customerId\":" + random.nextInt(1, 10_001) + ",\"items\":[{\"productId\":" + product
					+ ",\"quantity\":1}]}";
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/orders"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((reply, error) -> {
				statuses.add((error == null) ? reply.statusCode() : -1);
				if (error == null && reply.statusCode() == 201) {
					latencies.add((System.nanoTime() - scheduled) / 1e6);
				}
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
		double elapsed = (System.nanoTime() - start) / 1e9;
		sampling.set(false);
		sampler.join();
		client.close();
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		long conflicts = statuses.stream().filter((status) -> status == 409).count();
		long errors = statuses.stream().filter((status) -> status != 201 && status != 409).count();
		return new Step(scenario, rate, sorted.length / elapsed, at(sorted, 0.5), at(sorted, 0.99), conflicts, errors,
				statuses.size(), new TreeMap<>(waits), maxPending[0]);
	}

	/** One sample of what PostgreSQL's active sessions wait on, and of the pool's pending count. */
	static void sample(HttpClient client, Map<String, Integer> waits, double[] maxPending) {
		try {
			for (String line : psql("SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity "
					+ "WHERE datname = 'loomflux_bench' AND state = 'active' AND pid <> pg_backend_pid()")
				.split("\n")) {
				if (!line.isBlank()) {
					waits.merge(line.trim(), 1, Integer::sum);
				}
			}
			String metrics = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:19080/actuator/prometheus")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = PENDING.matcher(metrics);
			while (matcher.find()) {
				maxPending[0] = Math.max(maxPending[0], Double.parseDouble(matcher.group(2)));
			}
			Thread.sleep(250);
		}
		catch (IOException | InterruptedException ex) {
			// a missed sample
		}
	}

	static String psql(String sql) throws IOException, InterruptedException {
		Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "loomflux_bench", "-tAc",
				sql)
			.redirectErrorStream(true)
			.start();
		String output = new String(psql.getInputStream().readAllBytes());
		psql.waitFor();
		return output;
	}

	static double at(double[] sorted, double quantile) {
		return (sorted.length == 0) ? Double.NaN
				: sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
	}

}
