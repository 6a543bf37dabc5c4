package dev.loomflux.comparison.footprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Held requests against a real socket server on this machine: each request arrives whole
 * on its own connection, stays open until closed, and the server's answers and hang-ups
 * are counted.
 */
class HeldRequestsTest {

	@Test
	void shouldHoldEachRequestOnItsOwnConnectionUntilClosed() throws Exception {
		try (Server server = new Server(
				(request) -> request.contains("/answered") ? "HTTP/1.1 200 OK\r\n\r\ntick" : null)) {
			HeldRequests held = HeldRequests.open("127.0.0.1", server.port(), 40, 400,
					(i) -> "GET /" + ((i % 2 == 0) ? "answered" : "silent") + "/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");

			await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() == 40);
			await().atMost(Duration.ofSeconds(10)).until(() -> held.answered() == 20);
			assertThat(server.requests()).allMatch((request) -> request.endsWith("\r\n\r\n"));
			assertThat(server.requests()).extracting((request) -> request.split(" ")[1])
				.contains("/answered/0", "/silent/39");
			assertThat(held.failed()).isZero();

			held.close();
			await().atMost(Duration.ofSeconds(10)).until(() -> server.closedByClients() == 40);
			assertThat(held.failed()).as("closing is not a failure").isZero();
		}
	}

	@Test
	void shouldCountAConnectionTheServerClosesAsFailed() throws Exception {
		try (Server server = new Server((request) -> "")) {
			try (HeldRequests held = HeldRequests.open("127.0.0.1", server.port(), 3, 100,
					(i) -> "GET / HTTP/1.1\r\n\r\n")) {
				await().atMost(Duration.ofSeconds(10)).until(() -> held.failed() == 3);
				assertThat(held.firstFailure()).contains("closed by the server before an answer");
			}
		}
	}

	@Test
	void shouldSendARequestAgainAfterA503WithRetryAfter() throws Exception {
		java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
		try (Server server = new Server((request) -> (seen.getAndIncrement() == 0)
				? "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"
				: "HTTP/1.1 200 OK\r\n\r\ntick")) {
			try (HeldRequests held = HeldRequests.open("127.0.0.1", server.port(), 1, 100,
					(i) -> "GET / HTTP/1.1\r\n\r\n")) {
				await().atMost(Duration.ofSeconds(10)).until(() -> held.answered() == 1);
				assertThat(held.retried()).isOne();
				assertThat(held.failed()).isZero();
				assertThat(server.requests()).hasSize(2);
			}
		}
	}

	/**
	 * Reads each connection's request head, then answers it ({@code answer} non-null; ""
	 * closes the connection) and keeps it open until the client closes it.
	 */
	private static final class Server implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 200);

		private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

		private final List<String> requests = new CopyOnWriteArrayList<>();

		private final List<Socket> closed = new CopyOnWriteArrayList<>();

		Server(java.util.function.Function<String, String> answer) throws IOException {
			this.threads.submit(() -> {
				while (!this.socket.isClosed()) {
					Socket client = this.socket.accept();
					this.threads.submit(() -> serve(client, answer));
				}
				return null;
			});
		}

		private Void serve(Socket client, java.util.function.Function<String, String> answer) throws IOException {
			try (client) {
				InputStream in = client.getInputStream();
				StringBuilder head = new StringBuilder();
				while (!head.toString().endsWith("\r\n\r\n")) {
					int next = in.read();
					if (next < 0) {
						return null;
					}
					head.append((char) next);
				}
				this.requests.add(head.toString());
				String reply = answer.apply(head.toString());
				if ("".equals(reply)) {
					return null;
				}
				if (reply != null) {
					OutputStream out = client.getOutputStream();
					out.write(reply.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				while (in.read() >= 0) {
					// held until the client closes
				}
				this.closed.add(client);
			}
			return null;
		}

		int port() {
			return this.socket.getLocalPort();
		}

		List<String> requests() {
			return this.requests;
		}

		int closedByClients() {
			return this.closed.size();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			this.threads.shutdownNow();
		}

	}

}
