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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog benchmark driver, run as a single-file program (java bench/CatalogBenchmark.java).
 * For each variant: start the service pinned to one core, fill the cache, warm up with wrk until
 * three consecutive rounds agree within 5 %, then measure RUNS rounds and report the median and
 * spread of requests/s and latency. Prints a summary and writes every round to
 * bench/results/catalog-<time>.csv, the conditions to catalog-<time>.conditions.txt.
 * wrk is a closed-loop generator: fine for throughput capacity, not for latency under a fixed
 * arrival rate (the Gatling scenarios do that).
 */
public class CatalogBenchmark {

	static final String SERVICE_CPU = System.getProperty("serviceCpu", "1");

	static final String LOAD_CPU = System.getProperty("loadCpu", "0");

	static final int CONNECTIONS = Integer.getInteger("connections", 64);

	static final int ROUND_SECONDS = Integer.getInteger("roundSeconds", 10);

	static final int RUNS = Integer.getInteger("runs", 5);

	static final int MAX_WARMUP_ROUNDS = Integer.getInteger("maxWarmupRounds", 15);

	static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
			"--enable-native-access=ALL-UNNAMED");

	/** A service, a Spring profile, and JVM flags on top of the common ones. */
	record Variant(String name, String jar, String profile, List<String> flags) {
	}

	record Round(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
	}

	public static void main(String[] args) throws Exception {
		List<Variant> all = List.of(new Variant("loom", "service-loom", "", List.of()),
				new Variant("platform", "service-loom", "platform", List.of()),
				new Variant("reactive", "service-reactive", "", List.of()),
				// Reactor Netty starts max(cores, 4) loop threads: 4 on one core. This variant
				// shows what that costs (run it by name; it is not in the default set).
				new Variant("reactive-one-loop", "service-reactive", "", List.of("-Dreactor.netty.ioWorkerCount=1")));
		List<String> wanted = (args.length > 0) ? List.of(args) : List.of("loom", "platform", "reactive");
		String stamp = Instant.now().toString().replace(':', '-');
		Path csv = Path.of("bench", "results", "catalog-" + stamp + ".csv");
		Files.createDirectories(csv.getParent());
		StringBuilder conditions = new StringBuilder();
		conditions().forEach((key, value) -> conditions.append(key).append(": ").append(value).append('\n'));
		Files.writeString(Path.of("bench", "results", "catalog-" + stamp + ".conditions.txt"), conditions);
		System.out.print(conditions);
		List<String> rows = new ArrayList<>(List.of("variant,phase,round,requests_per_second,p50_ms,p99_ms,errors"));
		for (Variant variant : all) {
			if (wanted.contains(variant.name())) {
				rows.addAll(run(variant));
			}
		}
		Files.write(csv, rows);
		System.out.println("\nwritten " + csv);
	}

	/** Runs one variant and returns its CSV rows. */
	static List<String> run(Variant variant) throws Exception {
		System.out.printf("%n== %s: service on CPU %s, wrk on CPU %s, %d connections%n", variant.name(),
				SERVICE_CPU, LOAD_CPU, CONNECTIONS);
		Process service = start(variant);
		try {
			awaitReady();
			fillCache();
			List<Round> warmup = new ArrayList<>();
			while (warmup.size() < MAX_WARMUP_ROUNDS && !steady(warmup)) {
				Round round = wrk(ROUND_SECONDS);
				warmup.add(round);
				System.out.printf("  warm-up %2d: %8.0f req/s%n", warmup.size(), round.requestsPerSecond());
			}
			List<Round> measured = new ArrayList<>();
			for (int i = 0; i < RUNS; i++) {
				Round round = wrk(ROUND_SECONDS);
				measured.add(round);
				System.out.printf("  run %d:     %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", i + 1,
						round.requestsPerSecond(), round.p50Millis(), round.p99Millis(), round.errors());
			}
			System.out.printf("  => median %.0f req/s (min %.0f, max %.0f), p99 median %.2f ms, %s%n",
					median(measured.stream().map(Round::requestsPerSecond).toList()),
					measured.stream().mapToDouble(Round::requestsPerSecond).min().orElse(0),
					measured.stream().mapToDouble(Round::requestsPerSecond).max().orElse(0),
					median(measured.stream().map(Round::p99Millis).toList()), steady(warmup) ? "steady after " + warmup.size() + " warm-up rounds"
							: "NOT steady after " + warmup.size() + " warm-up rounds");
			List<String> rows = new ArrayList<>();
			for (int i = 0; i < warmup.size(); i++) {
				rows.add(csv(variant, "warmup", i + 1, warmup.get(i)));
			}
			for (int i = 0; i < measured.size(); i++) {
				rows.add(csv(variant, "measured", i + 1, measured.get(i)));
			}
			return rows;
		}
		finally {
			service.destroy();
			service.waitFor();
		}
	}

	/**
	 * Starts a variant from its jar, pinned to SERVICE_CPU, on ports 18080 (management
	 * 19080).
	 */
	static Process start(Variant variant) throws IOException {
		List<String> command = new ArrayList<>(List.of("taskset", "-c", SERVICE_CPU, javaBinary()));
		command.addAll(JVM_FLAGS);
		command.addAll(variant.flags());
		command.addAll(List.of("-jar", jarOf(variant.jar())));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", "bench-" + variant.name() + ".log").toFile());
		builder.environment().put("SERVER_PORT", "18080");
		builder.environment().put("MANAGEMENT_SERVER_PORT", "19080");
		builder.environment().put("SPRING_PROFILES_ACTIVE", variant.profile());
		builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/loomflux_bench");
		builder.environment().put("SPRING_FLYWAY_URL", "jdbc:postgresql://127.0.0.1:5432/loomflux_bench");
		builder.environment().put("SPRING_R2DBC_URL", "r2dbc:postgresql://127.0.0.1:5432/loomflux_bench");
		builder.environment().put("LOGGING_LEVEL_ROOT", "WARN");
		Files.createDirectories(Path.of("target"));
		return builder.start();
	}

	/** Steady: the last three rounds within 5 % of their mean. */
	static boolean steady(List<Round> rounds) {
		if (rounds.size() < 3) {
			return false;
		}
		List<Double> last = rounds.subList(rounds.size() - 3, rounds.size())
			.stream()
			.map(Round::requestsPerSecond)
			.toList();
		double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		return last.stream().allMatch((value) -> Math.abs(value - mean) <= 0.05 * mean);
	}

	static Round wrk(int seconds) throws IOException, InterruptedException {
		Process wrk = new ProcessBuilder("taskset", "-c", LOAD_CPU, "wrk", "-t", "1", "-c",
				Integer.toString(CONNECTIONS), "-d", seconds + "s", "--latency", "-s", "bench/random-product.lua",
				"http://127.0.0.1:18080")
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes());
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		return new Round(number(output, "Requests/sec:\\s+([\\d.]+)"), millis(output, "50%"), millis(output, "99%"),
				(long) (number(output, "Non-2xx or 3xx responses:\\s+(\\d+)")
						+ number(output, "Socket errors:.*?timeout (\\d+)")));
	}

	static double number(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	static double millis(String text, String percentile) {
		Matcher matcher = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(text);
		if (!matcher.find()) {
			return Double.NaN;
		}
		double value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	static String csv(Variant variant, String phase, int index, Round round) {
		return String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.3f,%.3f,%d", variant.name(), phase, index,
				round.requestsPerSecond(), round.p50Millis(), round.p99Millis(), round.errors());
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static void awaitReady() throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> reply = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:19080/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (reply.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// keep waiting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("service not ready in 120 s; see target/bench-*.log");
	}

	/** Reads every product the load will ask for, so that the measured path is the Redis hit. */
	static void fillCache() throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		Thread.sleep(2000); // the Redis connection opens in the background after start-up
		for (int id = 1; id <= 1000; id++) {
			client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18080/api/products/" + id)).build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	static Map<String, Object> conditions() throws IOException {
		Map<String, Object> conditions = new LinkedHashMap<>();
		conditions.put("date", Instant.now().toString());
		conditions.put("cpuModel", Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown"));
		conditions.put("cores", Runtime.getRuntime().availableProcessors());
		conditions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		conditions.put("jvmFlags", JVM_FLAGS);
		conditions.put("serviceCpu", SERVICE_CPU);
		conditions.put("loadCpu", LOAD_CPU);
		conditions.put("load", "wrk -t1 -c" + CONNECTIONS + " rounds of " + ROUND_SECONDS
				+ " s, random ids 1..1000 (all cached)");
		conditions.put("warmup", "until 3 consecutive rounds within 5 % (max " + MAX_WARMUP_ROUNDS + ")");
		conditions.put("measuredRuns", RUNS);
		return conditions;
	}

	static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static String jarOf(String module) throws IOException {
		try (var files = Files.list(Path.of(module, "target"))) {
			return files.map(Path::toString)
				.filter((name) -> name.endsWith(".jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no jar in " + module + "/target: build first"));
		}
	}

}
