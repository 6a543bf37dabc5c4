package dev.loomflux.observability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.Processes;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server, the binary found on the {@code PATH} (Debian's
 * {@code prometheus} package, which {@code ./loomflux test} installs) or named by
 * {@code PROMETHEUS_BIN}, run with a given configuration and its storage under
 * {@code target/}. Nothing is downloaded from inside the build.
 */
final class PrometheusServer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final HttpApi api;

	private PrometheusServer(Process process, int port) {
		this.process = process;
		this.api = new HttpApi("http://localhost:" + port);
	}

	/** The binary, or empty when this machine has none. */
	static Optional<Path> binary() {
		String configured = System.getenv("PROMETHEUS_BIN");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> Path.of(dir, "prometheus"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Starts Prometheus on {@code port} with {@code config}, storing its data in a fresh
	 * {@code dir/data}, and waits until it is ready.
	 */
	static PrometheusServer start(Path binary, Path dir, String config, int port) {
		try {
			Path data = dir.resolve("data");
			if (Files.exists(data)) {
				try (Stream<Path> files = Files.walk(data)) {
					files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
				}
			}
			Files.createDirectories(data);
			Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
			Process process = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + configFile,
					"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port))
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("prometheus.log").toFile())
				.start();
			PrometheusServer server = new PrometheusServer(process, port);
			server.awaitReady(dir.resolve("prometheus.log"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The {@code data} of an instant query; fails if Prometheus refuses the expression.
	 */
	JsonNode query(String promql) {
		HttpApi.Reply reply = this.api.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		JsonNode body = reply.json();
		if (reply.status() != 200 || !"success".equals(body.path("status").asString())) {
			throw new IllegalArgumentException("Prometheus refused " + promql + ": " + reply.text());
		}
		return body.path("data");
	}

	/** The {@code data} of a GET on another API path, like {@code /api/v1/rules}. */
	JsonNode get(String path) {
		HttpApi.Reply reply = this.api.get(path);
		if (reply.status() != 200) {
			throw new IllegalStateException("Prometheus answered " + path + " with " + reply.text());
		}
		return reply.json().path("data");
	}

	private void awaitReady(Path log) {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("prometheus exited during start-up; see " + log.toAbsolutePath());
			}
			try {
				if (this.api.get("/-/ready").status() == 200) {
					return;
				}
			}
			catch (UncheckedIOException notYetListening) {
				// keep waiting
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		close();
		throw new IllegalStateException("prometheus was not ready within " + START_TIMEOUT + "; see " + log);
	}

	@Override
	public void close() {
		Processes.stop(this.process);
	}

}
