import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event-loop stall, measured small (java bench/CpuNeighbourBenchmark.java; JDK 22+ finds
 * Services.java and CatalogBenchmark.java beside it, whose start-up and wrk parsing it reuses). For each variant:
 * start the service pinned to one core, warm it up, then keep BACKGROUND insights requests at the
 * caps (365 days x 20,000 paths, about 0.25 s of CPU each) in flight while wrk measures light
 * product reads (GET /api/products/1, a Redis hit) in the foreground. The foreground latency shows
 * who starves whom. Prints one line per variant; no files.
 */
public class CpuNeighbourBenchmark {

	static final int BACKGROUND = Integer.getInteger("background", 4);

	static final int CONNECTIONS = Integer.getInteger("connections", 16);

	static final int SECONDS = Integer.getInteger("seconds", 15);

	static final String BASE = "http://127.0.0.1:18080";

	static final String INSIGHTS = "/api/products/1/insights?horizonDays=365&paths=20000";

	public static void main(String[] args) throws Exception {
		List<String> wanted = (args.length > 0) ? List.of(args)
				: List.of("loom", "platform", "reactive", "reactive-inline");
		System.out.println(CatalogBenchmark.conditions());
		System.out.printf("foreground: wrk -t1 -c%d -d%ds --latency GET /api/products/1 (CPU %s); background: %d "
				+ "concurrent GET %s; service on CPU %s%n", CONNECTIONS, SECONDS, CatalogBenchmark.LOAD_CPU, BACKGROUND,
				INSIGHTS, CatalogBenchmark.SERVICE_CPU);
		for (Services.Variant variant : Services.VARIANTS) {
			if (wanted.contains(variant.name())) {
				run(variant);
			}
		}
	}

	static void run(Services.Variant variant) throws Exception {
		Process service = Services.start(variant.module(), CatalogBenchmark.SERVICE_CPU, variant.flags(),
				Services.serviceEnvironment(variant, 18080), 19080, "bench-" + variant.name());
		try {
			HttpClient client = HttpClient.newHttpClient();
			Thread.sleep(2000); // the Redis connection opens in the background after start-up
			for (int i = 0; i < 20; i++) {
				get(client, INSIGHTS);
			}
			wrk(5); // warm the foreground path
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong done = new AtomicLong();
			AtomicLong refused = new AtomicLong();
			List<Thread> background = new ArrayList<>();
			for (int i = 0; i < BACKGROUND; i++) {
				background.add(Thread.ofVirtual().start(() -> {
					while (running.get()) {
						int status = get(client, INSIGHTS);
						(status == 200 ? done : refused).incrementAndGet();
					}
				}));
			}
			Thread.sleep(1000);
			String output = wrk(SECONDS);
			running.set(false);
			for (Thread thread : background) {
				thread.join();
			}
			System.out.printf("%-16s foreground p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  %8.0f req/s  | background "
					+ "insights: %d done, %d refused%n", variant.name(), CatalogBenchmark.millis(output, "50%"),
					CatalogBenchmark.millis(output, "99%"), maxMillis(output),
					CatalogBenchmark.number(output, "Requests/sec:\\s+([\\d.]+)"), done.get(), refused.get());
		}
		finally {
			Services.stop(service);
		}
	}

	static int get(HttpClient client, String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	static String wrk(int seconds) throws Exception {
		Process wrk = new ProcessBuilder("taskset", "-c", CatalogBenchmark.LOAD_CPU, "wrk", "-t", "1", "-c",
				Integer.toString(CONNECTIONS), "-d", seconds + "s", "--latency", BASE + "/api/products/1")
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes());
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		return output;
	}

	/** The Max column of wrk's Latency line. */
	static double maxMillis(String output) {
		String line = output.lines().filter((l) -> l.trim().startsWith("Latency ")).findFirst().orElse("");
		String[] columns = line.trim().split("\\s+");
		return (columns.length > 3) ? CatalogBenchmark.millis(" Max " + columns[3], "Max") : Double.NaN;
	}

}
