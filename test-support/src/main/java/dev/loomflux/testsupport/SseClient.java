package dev.loomflux.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests over the JDK's HttpClient, one connection of its
 * own per stream, so that {@link #close()} really hangs up, as a browser tab that closes
 * does.
 */
public final class SseClient implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String END = "\u0000end";

	private final HttpClient client;

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private SseClient(HttpClient client, HttpResponse<Stream<String>> response) {
		this.client = client;
		this.response = response;
		Thread.ofVirtual().name("sse-client").start(() -> {
			try (Stream<String> body = response.body()) {
				body.forEach(this.lines::add);
			}
			catch (RuntimeException closed) {
				// the client hung up
			}
			finally {
				this.lines.add(END);
			}
		});
	}

	/** Opens the stream and waits for the response headers. */
	public static SseClient open(int port, String path) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		try {
			HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			return new SseClient(client, response);
		}
		catch (Exception ex) {
			client.shutdownNow();
			throw new IllegalStateException("Could not open " + path, ex);
		}
	}

	public int status() {
		return this.response.statusCode();
	}

	public String contentType() {
		return this.response.headers().firstValue("Content-Type").orElse(null);
	}

	/**
	 * Reads until {@code count} events have arrived (comments count as events of type
	 * {@code comment}), or fails after {@code timeout}.
	 */
	public List<Event> read(int count, Duration timeout) {
		List<Event> events = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		String name = null;
		StringBuilder data = null;
		while (events.size() < count) {
			String line = poll(deadline);
			if (line == null || line.equals(END)) {
				throw new IllegalStateException("Stream ended or timed out after " + events.size() + " events");
			}
			if (line.startsWith(":")) {
				events.add(new Event("comment", line.substring(1)));
			}
			else if (line.startsWith("event:")) {
				name = line.substring("event:".length());
			}
			else if (line.startsWith("data:")) {
				data = (data == null) ? new StringBuilder() : data.append('\n');
				data.append(line.substring("data:".length()));
			}
			else if (line.isEmpty() && data != null) {
				events.add(new Event((name != null) ? name : "message", data.toString()));
				name = null;
				data = null;
			}
		}
		return events;
	}

	private String poll(long deadline) {
		try {
			return this.lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Hangs up: closes this client's connection. */
	@Override
	public void close() {
		this.client.shutdownNow();
	}

	/**
	 * One event: its name ({@code comment} for a comment line) and its data as sent.
	 */
	public record Event(String name, String data) {
	}

}
