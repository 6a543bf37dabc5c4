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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The home-page knee (run as java bench/HomeKnee.java [variant ...], via bench/home-knee.sh): the
 * downstream stub answers both calls after 100 ms; each variant, pinned to CPU 1, gets
 * GET /api/customers/{random}/home at fixed arrival rates (open model: a request is sent at its
 * scheduled time whether or not earlier ones have answered, and its latency counts from that
 * time, so queueing is not hidden). The knee is the highest rate whose p99 stays within 250 ms
 * with under 1 % errors. This driver and the stub run on CPU 0; PostgreSQL and Redis are not
 * pinned and take CPU time from both.
 */
public class HomeKnee {

	static final String SERVICE_CPU = System.getProperty("serviceCpu", "1");

	static final String OTHER_CPU = System.getProperty("otherCpu", "0");

	static final List<Integer> RATES = Arrays.stream(System.getProperty("rates", "100,200,400,600,800,1000,1300,1600,2000").split(","))
		.map(Integer::parseInt)
		.toList();

	static final int STEP_SECONDS = Integer.getInteger("stepSeconds", 15);

	static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 40);

	static final Duration P99_OBJECTIVE = Duration.ofMillis(250);

	record Step(int rate, double throughput, double p50, double p90, double p99, double max, long errors, long sent) {

		boolean withinObjective() {
			return this.p99 <= P99_OBJECTIVE.toMillis() && this.errors <= 0.01 * this.sent;
		}

	}

	public static void main(String[] args) throws Exception {
		List<String> names = (args.length > 0) ? List.of(args) : List.of("loom", "platform", "reactive");
		String stamp = Instant.now().toString().replace(':', '-');
		var conditions = Services.conditions();
		conditions.put("serviceCpu", SERVICE_CPU);
		conditions.put("otherCpu (driver and stub; PostgreSQL and Redis unpinned)", OTHER_CPU);
		conditions.put("load", "open model, GET /api/customers/{1..10000}/home, steps of " + STEP_SECONDS
				+ " s at " + RATES + " req/s after " + WARMUP_SECONDS + " s at 200 req/s");
		conditions.put("downstream", "both endpoints 100 ms, no jitter, no faults");
		conditions.put("objective", "p99 <= " + P99_OBJECTIVE.toMillis() + " ms, errors < 1 %");
		Services.writeConditions(Path.of("bench", "results", "home-knee-" + stamp + ".conditions.txt"), conditions);
		Process stub = Services.start("downstream", OTHER_CPU, List.of(),
				Map.of("SERVER_PORT", "18090", "DOWNSTREAM_ENDPOINTS_RECOMMENDATIONS_LATENCY", "100ms",
						"DOWNSTREAM_ENDPOINTS_PROMOTIONS_LATENCY", "100ms"),
				19190, "bench-downstream");
		List<String> rows = new ArrayList<>(List.of("variant,rate,throughput,p50_ms,p90_ms,p99_ms,max_ms,errors,sent"));
		try {
			for (String name : names) {
				rows.addAll(run(Services.variant(name)));
			}
		}
		finally {
			Services.stop(stub);
		}
		Path csv = Path.of("bench", "results", "home-knee-" + stamp + ".csv");
		Files.write(csv, rows);
		System.out.println("\nwritten " + csv);
	}

	static List<String> run(Services.Variant variant) throws Exception {
		System.out.printf("%n== %s%n", variant.name());
		Map<String, String> environment = new java.util.LinkedHashMap<>(Services.serviceEnvironment(variant, 18080));
		environment.put("BFF_DOWNSTREAM_URL", "http://127.0.0.1:18090");
		Process service = Services.start(variant.module(), SERVICE_CPU, variant.flags(), environment, 19080,
				"bench-" + variant.name());
		List<String> rows = new ArrayList<>();
		try {
			Step warmup = load(200, WARMUP_SECONDS);
			System.out.printf("  warm-up   200 req/s: p99 %7.1f ms%n", warmup.p99());
			int knee = 0;
			for (int rate : RATES) {
				Step step = load(rate, STEP_SECONDS);
				rows.add(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%d", variant.name(), rate,
						step.throughput(), step.p50(), step.p90(), step.p99(), step.max(), step.errors(), step.sent()));
				System.out.printf("  %5d req/s: %7.1f ok/s  p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms  errors %d/%d%s%n",
						rate, step.throughput(), step.p50(), step.p90(), step.p99(), step.max(), step.errors(),
						step.sent(), step.withinObjective() ? "" : "  (over the objective)");
				if (step.withinObjective()) {
					knee = rate;
				}
				else if (step.p99() > 5 * P99_OBJECTIVE.toMillis()) {
					break; // far past the knee: spare the machine
				}
			}
			System.out.printf("  => knee: %d req/s%n", knee);
			return rows;
		}
		finally {
			Services.stop(service);
		}
	}

	/** Sends {@code rate} requests a second for {@code seconds}, each at its scheduled time. */
	static Step load(int rate, int seconds) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		int total = rate * seconds;
		long start = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long scheduled = start + i * interval;
			long wait = scheduled - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:18080/api/customers/"
						+ ThreadLocalRandom.current().nextInt(1, 10_001) + "/home"))
				.timeout(Duration.ofSeconds(5))
				.build();
			pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((reply, error) -> {
				if (error == null && reply.statusCode() == 200) {
					latencies.add((System.nanoTime() - scheduled) / 1e6);
				}
				else {
					failures.add(1);
				}
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
		double elapsed = (System.nanoTime() - start) / 1e9;
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		client.close();
		return new Step(rate, sorted.length / elapsed, percentile(sorted, 50), percentile(sorted, 90),
				percentile(sorted, 99), (sorted.length > 0) ? sorted[sorted.length - 1] : Double.NaN, failures.size(),
				total);
	}

	static double percentile(double[] sorted, double percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

}
