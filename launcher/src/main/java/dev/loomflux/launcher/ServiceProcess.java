package dev.loomflux.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot application (a service or the stub) started from its executable jar as a
 * user starts it, with the JVM flags every variant gets, on free ports, pinned with
 * taskset, and waited for until its readiness probe answers. The tests (test-support's
 * {@code JarProcess}) and the comparison start every service through here.
 */
public final class ServiceProcess implements AutoCloseable {

	/**
	 * The same for every service and variant, in tests and measurements. A fixed heap
	 * (Xms = Xmx) so that heap growth is not measured as memory per request; 2 GiB so
	 * that the caps the services share fit in it for both models: with 512 MiB
	 * service-loom died of OutOfMemoryError at 5,000-10,000 open price streams (about 124
	 * KiB of heap each, under bff.prices.max-streams of 12,000), where service-reactive
	 * needs about 24 KiB each. G1, the JDK default, named so the manifest records it,
	 * with a pause goal of 50 ms instead of its default 200 ms: the goal must sit below
	 * the p99 objectives the services are judged on (catalog-read 100 ms, and home-fanout
	 * leaves about 90 ms above its two 100 ms downstream calls), and on one core G1 used
	 * its 200 ms: single pauses of 92-212 ms in a 3 s step failed it at rates far below
	 * the service's limit, in every variant (docs/comparison.md). Exit on
	 * OutOfMemoryError so that a service that runs out is seen to fail instead of limping
	 * on.
	 */
	public static final List<String> JVM_FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50",
			"-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED");

	/** Long enough for a first start that migrates the database on a busy machine. */
	public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final JavaProcess process;

	private final int port;

	private final int managementPort;

	private final Duration startup;

	private ServiceProcess(JavaProcess process, int port, int managementPort, Duration startup) {
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.startup = startup;
	}

	/**
	 * What to start.
	 *
	 * @param name names its messages (and, by convention, its log)
	 * @param jar the executable jar
	 * @param flags JVM flags on top of {@link #JVM_FLAGS} (a variant's, an AOT cache's)
	 * @param cpus taskset CPU list; null for no pinning
	 * @param environment its configuration; the ports are added here
	 * @param log where its output goes
	 */
	public record Launch(String name, Path jar, List<String> flags, String cpus, Map<String, String> environment,
			Path log) {

		/** A variant of a service: its profile and flags. */
		public static Launch of(Variant variant, Path jar, String cpus, Map<String, String> environment, Path log) {
			Map<String, String> withProfile = new LinkedHashMap<>(environment);
			withProfile.put("SPRING_PROFILES_ACTIVE", variant.profile());
			return new Launch(variant.name(), jar, variant.flags(), cpus, withProfile, log);
		}

		/** The same launch with more JVM flags (an AOT cache's, say). */
		public Launch withFlags(List<String> more, Path jar) {
			List<String> all = new ArrayList<>(this.flags);
			all.addAll(more);
			return new Launch(this.name, jar, all, this.cpus, this.environment, this.log);
		}

	}

	/**
	 * Starts it and waits until it is ready; fails (and stops it) if it does not get
	 * there.
	 */
	public static ServiceProcess start(Launch launch) throws IOException, InterruptedException {
		int port = FreePort.next();
		int managementPort = FreePort.next();
		List<String> arguments = new ArrayList<>(JVM_FLAGS);
		arguments.addAll(launch.flags());
		arguments.addAll(List.of("-jar", launch.jar().toString()));
		Map<String, String> environment = new LinkedHashMap<>(launch.environment());
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		JavaProcess process = JavaProcess.start(launch.name(), launch.cpus(), arguments, environment, launch.log());
		try {
			Duration startup = process.awaitReady("http://127.0.0.1:" + managementPort + "/actuator/health/readiness",
					START_TIMEOUT);
			return new ServiceProcess(process, port, managementPort, startup);
		}
		catch (RuntimeException | InterruptedException ex) {
			process.close();
			throw ex;
		}
	}

	/** The port the API listens on. */
	public int port() {
		return this.port;
	}

	/** Where the actuator listens ({@code /actuator/prometheus}, health). */
	public int managementPort() {
		return this.managementPort;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** From launch until the readiness probe first answered 200. */
	public Duration startup() {
		return this.startup;
	}

	public JavaProcess process() {
		return this.process;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.process.log();
	}

	/** SIGTERM, and return at once (see {@link JavaProcess#terminate()}). */
	public void terminate() {
		this.process.terminate();
	}

	@Override
	public void close() {
		this.process.close();
	}

}
