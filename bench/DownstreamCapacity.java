import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Can the downstream stub hold tens of thousands of slow requests at once? (java
 * bench/DownstreamCapacity.java [concurrent] [latencySeconds]) The stub, pinned to CPU 1, answers
 * after {@code latency}; this driver, on CPU 0, opens all requests at once over separate
 * connections and reports how many succeeded, their latency, and the stub's RSS and thread count
 * while it holds them. The default, 19,000, stays under this machine's hard limit of 20,000 open
 * files per process (a connection is a file), which neither process can raise.
 */
public class DownstreamCapacity {

	public static void main(String[] args) throws Exception {
		int concurrent = (args.length > 0) ? Integer.parseInt(args[0]) : 19_000;
		int latencySeconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		String stamp = Instant.now().toString().replace(':', '-');
		var conditions = Services.conditions();
		conditions.put("stubCpu", "1");
		conditions.put("driverCpu", "0");
		conditions.put("load", concurrent + " concurrent GET /recommendations/{id}, one connection each, stub latency "
				+ latencySeconds + " s");
		Services.writeConditions(Path.of("bench", "results", "downstream-capacity-" + stamp + ".conditions.txt"),
				conditions);
		Process stub = Services.start("downstream", "1", List.of(),
				Map.of("SERVER_PORT", "18090", "DOWNSTREAM_ENDPOINTS_RECOMMENDATIONS_LATENCY", latencySeconds + "s"),
				19190, "bench-downstream-capacity");
		try {
			System.out.printf("stub idle: RSS %s, threads %s%n", Services.procStatus(stub, "VmRSS"),
					Services.procStatus(stub, "Threads"));
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newVirtualThreadPerTaskExecutor())
				.connectTimeout(Duration.ofSeconds(30))
				.build();
			ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
			ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
			AtomicInteger done = new AtomicInteger();
			List<CompletableFuture<?>> pending = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < concurrent; i++) {
				long sent = System.nanoTime();
				HttpRequest request = HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:18090/recommendations/" + (i + 1)))
					.timeout(Duration.ofSeconds(latencySeconds + 60))
					.build();
				pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
					.whenComplete((reply, error) -> {
						done.incrementAndGet();
						if (error == null && reply.statusCode() == 200) {
							latencies.add((System.nanoTime() - sent) / 1e9);
						}
						else {
							errors.add((error != null) ? error.toString() : "status " + reply.statusCode());
						}
					}));
			}
			System.out.printf("all %d sent in %.1f s%n", concurrent, (System.nanoTime() - start) / 1e9);
			Thread.sleep(Duration.ofSeconds(Math.max(1, latencySeconds / 2)));
			System.out.printf("stub holding: %d answered so far, RSS %s, threads %s%n", done.get(),
					Services.procStatus(stub, "VmRSS"), Services.procStatus(stub, "Threads"));
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
			double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf("succeeded %d of %d; latency p50 %.2f s, p99 %.2f s, max %.2f s; errors %d%s%n",
					sorted.length, concurrent, at(sorted, 0.50), at(sorted, 0.99),
					(sorted.length > 0) ? sorted[sorted.length - 1] : Double.NaN, errors.size(),
					errors.isEmpty() ? "" : " e.g. " + errors.peek());
			System.out.printf("stub after: RSS %s, threads %s%n", Services.procStatus(stub, "VmRSS"),
					Services.procStatus(stub, "Threads"));
			client.close();
		}
		finally {
			Services.stop(stub);
		}
	}

	static double at(double[] sorted, double quantile) {
		return (sorted.length == 0) ? Double.NaN
				: sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
	}

}
