import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark drivers share: the variants, starting a jar pinned to a CPU with the common
 * JVM flags, waiting for readiness, and the conditions of a run. (Single-file programs in one
 * folder: java bench/SomeDriver.java finds this class by itself, JEP 458.)
 */
final class Services {

	static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
			"--enable-native-access=ALL-UNNAMED");

	/** A service, a Spring profile, and JVM flags on top of the common ones. */
	record Variant(String name, String module, String profile, List<String> flags) {
	}

	static final List<Variant> VARIANTS = List.of(new Variant("loom", "service-loom", "", List.of()),
			new Variant("platform", "service-loom", "platform", List.of()),
			new Variant("reactive", "service-reactive", "", List.of()),
			new Variant("reactive-inline", "service-reactive", "reactive-inline", List.of()),
			// Reactor Netty starts max(cores, 4) loop threads: 4 on one core. This variant shows
			// what that costs (run it by name; it is in no default set).
			new Variant("reactive-one-loop", "service-reactive", "", List.of("-Dreactor.netty.ioWorkerCount=1")));

	private Services() {
	}

	static Variant variant(String name) {
		return VARIANTS.stream()
			.filter((variant) -> variant.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown variant " + name));
	}

	/**
	 * Starts a module's jar on {@code cpu} with the common flags and the given environment, and
	 * waits until its readiness probe answers on {@code managementPort}.
	 */
	static Process start(String module, String cpu, List<String> extraFlags, Map<String, String> environment,
			int managementPort, String logName) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("taskset", "-c", cpu, javaBinary()));
		command.addAll(JVM_FLAGS);
		command.addAll(extraFlags);
		command.addAll(List.of("-jar", jarOf(module)));
		Files.createDirectories(Path.of("target"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", logName + ".log").toFile());
		builder.environment().putAll(environment);
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		builder.environment().put("LOGGING_LEVEL_ROOT", "WARN");
		Process process = builder.start();
		awaitReady(process, managementPort, logName);
		return process;
	}

	/** The environment that points a service at the benchmark database. */
	static Map<String, String> serviceEnvironment(Variant variant, int port) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("SPRING_PROFILES_ACTIVE", variant.profile());
		environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/loomflux_bench");
		environment.put("SPRING_FLYWAY_URL", "jdbc:postgresql://127.0.0.1:5432/loomflux_bench");
		environment.put("SPRING_R2DBC_URL", "r2dbc:postgresql://127.0.0.1:5432/loomflux_bench");
		return environment;
	}

	/** A line of /proc/PID/status, e.g. VmRSS or Threads. */
	static String procStatus(Process process, String field) throws IOException {
		return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))
			.stream()
			.filter((line) -> line.startsWith(field + ":"))
			.map((line) -> line.substring(field.length() + 1).trim())
			.findFirst()
			.orElse("?");
	}

	/** Asks the process to stop; kills it if it has not within 30 s (a JVM out of memory may not). */
	static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static void awaitReady(Process process, int managementPort, String logName)
			throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			try {
				HttpResponse<String> reply = client.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (reply.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// keep waiting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(logName + " not ready; see target/" + logName + ".log");
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
		conditions.put("cores", Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("processor"))
			.count());
		conditions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		conditions.put("jvmFlags", JVM_FLAGS);
		return conditions;
	}

	static void writeConditions(Path file, Map<String, Object> conditions) throws IOException {
		StringBuilder text = new StringBuilder();
		conditions.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		System.out.print(text);
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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
