package dev.loomflux.comparison;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the comparison run starts (a service, the stub, Gatling, the microbenchmarks):
 * pinned to a CPU list with taskset, its output in a log file, stopped for sure at the
 * end. Every process started here is registered with {@link Children}, so Ctrl-C or a
 * failure stops it too.
 */
final class JavaProcess implements AutoCloseable {

	private final Process process;

	private final String name;

	private final Path log;

	private JavaProcess(Process process, String name, Path log) {
		this.process = process;
		this.name = name;
		this.log = log;
	}

	static JavaProcess start(String name, String cpus, List<String> javaArguments, Map<String, String> environment,
			Path log) throws IOException {
		List<String> command = new ArrayList<>();
		if (cpus != null && Machine.hasTaskset()) {
			command.addAll(List.of("taskset", "-c", cpus));
		}
		command.add(javaBinary());
		command.addAll(javaArguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		Children.register(process);
		return new JavaProcess(process, name, log);
	}

	/** Waits until {@code GET url} answers 200, or fails saying where the log is. */
	Duration awaitReady(String url, Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ " before it was ready; see " + this.log);
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
			Thread.sleep(200);
		}
		throw new IllegalStateException(this.name + " not ready after " + timeout + "; see " + this.log);
	}

	/** Waits for the process to end by itself; its exit code. */
	int await(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			close();
			throw new IllegalStateException(this.name + " did not finish within " + timeout + "; see " + this.log);
		}
		return this.process.exitValue();
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path log() {
		return this.log;
	}

	/** Asks the process to stop (SIGTERM: graceful shutdown); kills it after 20 s. */
	@Override
	public void close() {
		Children.stop(this.process);
	}

	static String javaBinary() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
