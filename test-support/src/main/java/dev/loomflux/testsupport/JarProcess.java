package dev.loomflux.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.loomflux.launcher.ServiceProcess;

/**
 * An application started from its executable jar, as a user starts it and as the
 * comparison starts it ({@link ServiceProcess}: the same JVM flags, free ports, readiness
 * probe, sure stop), unpinned; its output goes to {@code target/service-logs/<name>.log}.
 * A service started without a downstream URL or a JWKS URI checks bearer tokens against
 * the TEST issuer of this JVM's {@link DownstreamStub}, which mints the tests'
 * {@link Tokens}.
 */
public final class JarProcess implements AutoCloseable {

	private final String name;

	private final ServiceProcess service;

	private JarProcess(String name, ServiceProcess service) {
		this.name = name;
		this.service = service;
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
		try {
			Map<String, String> settings = new java.util.HashMap<>(environment);
			if (!jarName.equals("downstream") && !environment.containsKey("BFF_DOWNSTREAM_URL")
					&& !environment.containsKey("BFF_SECURITY_JWKSURI")) {
				// a service checks bearer tokens against the issuer's keys: those of this
				// JVM's stub, whose TEST issuer mints the tests' tokens (Tokens)
				settings.put("BFF_SECURITY_JWKSURI", DownstreamStub.get().url() + "/test-issuer/jwks");
			}
			return new JarProcess(name, ServiceProcess
				.start(new ServiceProcess.Launch(name, jar, java.util.List.of(), null, settings, log)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpApi api() {
		return HttpApi.onPort(port());
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return "http://localhost:" + port();
	}

	/**
	 * Where the actuator listens ({@code /actuator/prometheus}, health), for scrapers.
	 */
	public int managementPort() {
		return this.service.managementPort();
	}

	/** The port the API listens on. */
	public int port() {
		return this.service.port();
	}

	/** The JVM's process id, for jcmd. */
	public long pid() {
		return this.service.pid();
	}

	/** Everything the process has printed so far. */
	public String log() {
		try {
			return Files.readString(this.service.log());
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
		this.service.terminate();
	}

	public boolean isAlive() {
		return this.service.isAlive();
	}

	/**
	 * The exit status, once the process has exited; kills it and fails if it has not
	 * within {@code timeout}.
	 */
	public int awaitExit(Duration timeout) {
		try {
			return this.service.process().await(timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.service.close();
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

}
