package dev.loomflux.domain.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The management port of an application without Spring Boot's actuator (the floors): the
 * readiness probe the launcher waits for and a Prometheus text with the two figures the
 * comparison cannot read from {@code /proc} (heap allocated, {@link HeapAllocation}) or
 * reads from it anyway (the RSS, {@link ProcessMemory}), on the JDK's own HTTP server and
 * its own thread. The actuator would bring Micrometer, whose request observations run on
 * every request: what a floor exists to leave out.
 */
public final class BareManagementPort implements AutoCloseable {

	private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

	private final HttpServer server;

	private volatile boolean ready;

	private BareManagementPort(HttpServer server) {
		this.server = server;
	}

	/** Listens on {@code port} at once; not ready until {@link #ready()}. */
	public static BareManagementPort open(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		BareManagementPort managementPort = new BareManagementPort(server);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			boolean up = managementPort.ready;
			respond(exchange, up ? 200 : 503, "application/json",
					up ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
		});
		server.createContext("/actuator/health/liveness",
				(exchange) -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
		server.createContext("/actuator/prometheus",
				(exchange) -> respond(exchange, 200, PROMETHEUS_TEXT, prometheusText()));
		server.start();
		return managementPort;
	}

	/** From now on the readiness probe answers 200. */
	public void ready() {
		this.ready = true;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	static String prometheusText() {
		StringBuilder text = new StringBuilder();
		HeapAllocation.totalBytes()
			.ifPresent((bytes) -> text.append("# TYPE jvm_memory_allocated_bytes_total counter\n")
				.append("jvm_memory_allocated_bytes_total ")
				.append(bytes)
				.append('\n'));
		if (ProcessMemory.available()) {
			ProcessMemory.residentSetBytes()
				.ifPresent((bytes) -> text.append("# TYPE process_memory_rss_bytes gauge\n")
					.append("process_memory_rss_bytes ")
					.append(bytes)
					.append('\n'));
		}
		return text.toString();
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
