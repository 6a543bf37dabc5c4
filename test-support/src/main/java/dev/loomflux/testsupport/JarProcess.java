package dev.loomflux.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application started from its executable jar, as a user starts it, on free ports, and
 * waited for until its readiness probe answers; its output goes to
 * {@code target/service-logs/<name>.log}. A service started without a downstream URL or a
 * JWKS URI checks bearer tokens against the TEST issuer of this JVM's
 * {@link DownstreamStub}, which mints the tests' {@link Tokens}.
 */
public final class JarProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final String name;

	private final Process process;

	private final int port;

	private final int managementPort;

	private final Path log;

	private JarProcess(String name, Process process, int port, int managementPort, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * Starts {@code
	 *
	<dir>
	 * /<name>.jar}, where the build copied it; {@code dir} is the system property
	 * {@code loomflux.services.dir}.
	 */
	public static JarProcess start(String name, Map<String, String> environment) {
		return start(name, name, environment);
	}

	/**
	 * Starts the jar {@code jarName} under another name, which names its log: for one jar
	 * started in several configurations (service-loom with the {@code platform} profile,
	 * say).
	 */
	public static JarProcess start(String jarName, String name, Map<String, String> environment) {
		Path jar = Path.of(System.getProperty("loomflux.services.dir", "target/services"), jarName + ".jar");
		Path log = Path.of("target", "service-logs", name + ".log");
		int port = Processes.freePort();
		int managementPort = Processes.freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(
					List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			if (!jarName.equals("downstream") && !environment.containsKey("BFF_DOWNSTREAM_URL")
					&& !environment.containsKey("BFF_SECURITY_JWKSURI")) {
				// a service checks bearer tokens against the issuer's keys: those of this
				// JVM's stub, whose TEST issuer mints the tests' tokens (Tokens)
				builder.environment().put("BFF_SECURITY_JWKSURI", DownstreamStub.get().url() + "/test-issuer/jwks");
			}
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
			JarProcess service = new JarProcess(name, builder.start(), port, managementPort, log);
			service.awaitReady();
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public HttpApi api() {
		return HttpApi.onPort(this.port);
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Where the actuator listens ({@code /actuator/prometheus}, health), for scrapers.
	 */
	public int managementPort() {
		return this.managementPort;
	}

	/** The port the API listens on. */
	public int port() {
		return this.port;
	}

	/** Everything the process has printed so far. */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends SIGTERM, as {@code docker stop} or Kubernetes does, and returns at once: the
	 * application shuts down gracefully while the caller watches.
	 */
	public void terminate() {
		this.process.destroy();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * The exit status, once the process has exited; kills it and fails if it has not
	 * within {@code timeout}.
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException(this.name + " had not exited " + timeout + " after it was asked to");
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady() {
		HttpApi management = HttpApi.onPort(this.managementPort);
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited during start-up; see " + this.log.toAbsolutePath());
			}
			try {
				if (management.get("/actuator/health/readiness").status() == 200) {
					return;
				}
			}
			catch (UncheckedIOException notYetListening) {
				// keep waiting
			}
			sleep(Duration.ofMillis(250));
		}
		close();
		throw new IllegalStateException(
				this.name + " was not ready within " + START_TIMEOUT + "; see " + this.log.toAbsolutePath());
	}

	@Override
	public void close() {
		Processes.stop(this.process);
	}

	/**
	 * Stops each of the processes a test started, skipping those it never got to start
	 * ({@code null}).
	 */
	public static void closeAll(JarProcess... processes) {
		for (JarProcess process : processes) {
			if (process != null) {
				process.close();
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
