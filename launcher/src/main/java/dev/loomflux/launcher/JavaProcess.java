package dev.loomflux.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started as a process (a service, the stub, Gatling, the microbenchmarks): on the
 * same JDK as this one, pinned to a CPU list with taskset, its output in a log file,
 * stopped for sure at the end, or when this JVM ends ({@link Children}).
 */
public final class JavaProcess implements AutoCloseable {

	private final Process process;

	private final String name;

	private final Path log;

	private JavaProcess(Process process, String name, Path log) {
		this.process = process;
		this.name = name;
		this.log = log;
	}

	/**
	 * @param name what messages call it
	 * @param cpus the taskset CPU list; null for no pinning
	 * @param javaArguments everything after {@code java}
	 * @param environment added to this JVM's environment
	 * @param log where its standard output and error go (created with its folder)
	 */
	public static JavaProcess start(String name, String cpus, List<String> javaArguments,
			Map<String, String> environment, Path log) throws IOException {
		List<String> command = new ArrayList<>(Taskset.prefix(cpus));
		command.add(javaBinary());
		command.addAll(javaArguments);
		if (log.getParent() != null) {
			Files.createDirectories(log.getParent());
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		Children.register(process);
		return new JavaProcess(process, name, log);
	}

	/**
	 * Waits until {@code GET url} answers 200; how long that took. Fails, saying where
	 * the log is, when the process exits first or the time runs out (and then stops it).
	 */
	public Duration awaitReady(String url, Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " before it was ready; see " + this.log.toAbsolutePath());
			}
			try {
				HttpResponse<Void> reply = client.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (reply.statusCode() == 200) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		close();
		throw new IllegalStateException(
				this.name + " not ready after " + timeout + "; see " + this.log.toAbsolutePath());
	}

	/**
	 * Waits for the process to end by itself; its exit code. Stops it and fails if it has
	 * not within {@code timeout}.
	 */
	public int await(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			close();
			throw new IllegalStateException(
					this.name + " did not finish within " + timeout + "; see " + this.log.toAbsolutePath());
		}
		return this.process.exitValue();
	}

	/**
	 * Sends SIGTERM, as {@code docker stop} or Kubernetes does, and returns at once: the
	 * application shuts down gracefully while the caller watches.
	 */
	public void terminate() {
		this.process.destroy();
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * The process's standard input (a pipe): for a process that takes its work from
	 * there, as the load generator does.
	 */
	public OutputStream input() {
		return this.process.getOutputStream();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.log;
	}

	/** Asks the process to stop (SIGTERM: graceful shutdown); kills it after 20 s. */
	@Override
	public void close() {
		Children.stop(this.process);
	}

	/** The {@code java} of the JDK this JVM runs on. */
	public static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
