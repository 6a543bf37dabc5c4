package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.loomflux.comparison.metrics.ProcStat;

/**
 * One variant's service, started from its jar with the JVM flags every variant gets,
 * pinned to the service CPUs, pointed at the comparison's own database, Redis index and
 * downstream stub.
 */
final class ServiceUnderTest implements AutoCloseable {

	/**
	 * The same for every variant. A fixed heap (Xms = Xmx) so that heap growth is not
	 * measured as memory per request; G1, the JDK default, named so the manifest records
	 * it; exit on OutOfMemoryError so that a variant that runs out is seen to fail
	 * instead of limping on.
	 */
	static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
			"--enable-native-access=ALL-UNNAMED");

	private final JavaProcess process;

	private final Duration startup;

	private final int port;

	private final int managementPort;

	private ServiceUnderTest(JavaProcess process, Duration startup, int port, int managementPort) {
		this.process = process;
		this.startup = startup;
		this.port = port;
		this.managementPort = managementPort;
	}

	static ServiceUnderTest start(Variant variant, Settings settings, Path logs)
			throws IOException, InterruptedException {
		List<String> arguments = new java.util.ArrayList<>(JVM_FLAGS);
		arguments.addAll(List.of("-jar", jarOf(variant.module()).toString()));
		Map<String, String> environment = new LinkedHashMap<>(settings.serviceEnvironment());
		int port = FreePort.next();
		int managementPort = FreePort.next();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		environment.put("SPRING_PROFILES_ACTIVE", variant.profile());
		JavaProcess process = JavaProcess.start(variant.name(), settings.serviceCpus(), arguments, environment,
				newLog(logs, variant.name()));
		try {
			Duration startup = process.awaitReady("http://127.0.0.1:" + managementPort + "/actuator/health/readiness",
					Duration.ofSeconds(180));
			return new ServiceUnderTest(process, startup, port, managementPort);
		}
		catch (RuntimeException | InterruptedException ex) {
			process.close();
			throw ex;
		}
	}

	/**
	 * Lets every thread of the service run on {@code cpus} for a while (the warm-up),
	 * until {@link #pin} puts it back. The JVM sized its pools (GC threads, carriers,
	 * event loops) at start-up from the CPUs it was started on, so they stay sized for
	 * the service CPUs.
	 */
	void widen(String cpus) throws IOException, InterruptedException {
		affinity(cpus);
	}

	void pin(Settings settings) throws IOException, InterruptedException {
		affinity(settings.serviceCpus());
	}

	private void affinity(String cpus) throws IOException, InterruptedException {
		if (cpus == null || !Machine.hasTaskset()) {
			return;
		}
		Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (taskset.waitFor() != 0) {
			throw new IllegalStateException("taskset could not set the CPUs of " + pid() + " to " + cpus);
		}
	}

	/**
	 * Waits until the service's CPU has been under {@code idleShare} of its cores for two
	 * half-second samples in a row, at most {@code limit}; how long that took. A scenario
	 * that overloaded the service leaves it working off what was sent to it (clients gone
	 * or not), and the next scenario must not measure that.
	 */
	Duration awaitQuiet(int cores, double idleShare, Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		int quietSamples = 0;
		ProcStat last = ProcStat.of(pid());
		while (quietSamples < 2 && System.nanoTime() < deadline && last != null) {
			Thread.sleep(500);
			ProcStat now = ProcStat.of(pid());
			if (now == null) {
				break;
			}
			double busy = (now.cpuTicks() - last.cpuTicks()) / ProcStat.TICKS_PER_SECOND / 0.5 / cores;
			quietSamples = (busy < idleShare) ? quietSamples + 1 : 0;
			last = now;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	int managementPort() {
		return this.managementPort;
	}

	Duration startup() {
		return this.startup;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.process.close();
	}

	/**
	 * {@code loom.log}, or {@code loom-2.log} for a restart: a restart must not erase why
	 * it died.
	 */
	private static Path newLog(Path logs, String name) {
		Path log = logs.resolve(name + ".log");
		for (int start = 2; Files.exists(log); start++) {
			log = logs.resolve(name + "-" + start + ".log");
		}
		return log;
	}

	static Path jarOf(String module) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(module, "target"))) {
			return files.filter((file) -> file.getFileName().toString().matches(module + "-[^-]+.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no jar in " + module + "/target: build first"));
		}
	}

}
