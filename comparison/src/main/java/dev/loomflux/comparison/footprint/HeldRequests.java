package dev.loomflux.comparison.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests held in flight against a server: each on a connection of its own, sent whole,
 * its answer read and thrown away as it comes (a price stream's ticks; nothing, for a
 * home page whose downstream is slow) until {@link #close()}. Plain sockets on virtual
 * threads, one per connection, so that 10,000 of them cost this JVM little and the server
 * sees nothing but what a client sends.
 * <p>
 * Connections open at a fixed pace rather than all at once: a burst of thousands of
 * connects overflows the server's accept backlog (Tomcat's is 100), and the kernel then
 * drops connects that are retried a second later.
 */
public final class HeldRequests implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

	/** Tries per request: the first and up to four more after a 503 with Retry-After. */
	private static final int ATTEMPTS = 5;

	private static final Pattern RETRY_AFTER = Pattern.compile("(?im)^Retry-After:\\s*(\\d+)");

	/** A problem detail's {@code "code"}, which says why a service refused or closed. */
	private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicInteger retried = new AtomicInteger();

	private volatile String firstFailure;

	private HeldRequests() {
	}

	/**
	 * Opens {@code count} connections to {@code host:port}, {@code perSecond} a second,
	 * and sends request {@code i} (0-based, raw HTTP/1.1 text) on the i-th. Returns once
	 * every connection has been started; {@link #answered()} and {@link #failed()} then
	 * say how they are doing.
	 */
	public static HeldRequests open(String host, int port, int count, int perSecond, IntFunction<String> request)
			throws InterruptedException {
		HeldRequests held = new HeldRequests();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + (long) (i * 1e9 / perSecond);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			byte[] bytes = request.apply(i).getBytes(StandardCharsets.US_ASCII);
			held.readers.submit(() -> held.hold(new InetSocketAddress(host, port), bytes));
		}
		return held;
	}

	/** Connections whose answer has begun (a status line at least). */
	public int answered() {
		return this.answered.get();
	}

	/** Connections that could not connect, or that the server closed or reset. */
	public int failed() {
		return this.failed.get();
	}

	/** Requests sent again after a 503 with Retry-After. */
	public int retried() {
		return this.retried.get();
	}

	/** What the first failure was; null if none. */
	public String firstFailure() {
		return this.firstFailure;
	}

	/**
	 * Holds one request; a 503 with {@code Retry-After} (a busy pool, a cap) is sent
	 * again on a new connection once that time has passed, as a client would, at most
	 * {@value #ATTEMPTS} times in all.
	 */
	private void hold(InetSocketAddress address, byte[] request) {
		try {
			for (int attempt = 1;; attempt++) {
				Duration retryAfter = holdOnce(address, request);
				if (retryAfter == null || attempt == ATTEMPTS) {
					throw new IOException("refused " + attempt + " times");
				}
				this.retried.incrementAndGet();
				Thread.sleep(retryAfter);
			}
		}
		catch (IOException ex) {
			if (!this.readers.isShutdown() && this.failed.getAndIncrement() == 0) {
				this.firstFailure = ex.toString();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One connection, held until the server closes it (an exception saying after what) or
	 * answers 503 with {@code Retry-After} (that delay, returned at once).
	 */
	private Duration holdOnce(InetSocketAddress address, byte[] request) throws IOException {
		Socket socket = new Socket();
		try (socket) {
			this.sockets.add(socket);
			socket.connect(address, CONNECT_TIMEOUT_MILLIS);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			int read = in.read(buffer);
			if (read < 0) {
				throw new IOException("closed by the server before an answer");
			}
			String answer = new String(buffer, 0, read, StandardCharsets.US_ASCII);
			Matcher retry = RETRY_AFTER.matcher(answer);
			if (answer.startsWith("HTTP/1.1 503") && retry.find()) {
				return Duration.ofSeconds(Long.parseLong(retry.group(1)));
			}
			this.answered.incrementAndGet();
			while (in.read(buffer) >= 0) {
				// a stream's ticks and heartbeats: read so the server's sends never block
			}
			throw new IOException(
					"closed by the server after " + answer.lines().findFirst().orElse("") + problemCode(answer));
		}
		finally {
			this.sockets.remove(socket);
		}
	}

	/** The {@code "code"} of a problem detail in {@code answer}, if it has one. */
	private static String problemCode(String answer) {
		Matcher code = PROBLEM_CODE.matcher(answer);
		return code.find() ? " " + code.group(1) : "";
	}

	/** Closes every connection: the server sees its clients go. */
	@Override
	public void close() {
		this.readers.shutdown();
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing is all that is asked
			}
		}
		this.readers.shutdownNow();
	}

}
