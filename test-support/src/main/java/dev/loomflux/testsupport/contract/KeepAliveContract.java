package dev.loomflux.testsupport.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-alive connection answers every request its client sends, whatever the answers
 * before it were. service-reactive's Reactor Netty once stopped reading a connection
 * after a quick 400 in about 2 % of such sequences (service-reactive's
 * {@code KeepAliveReadConfig}): its next request was never answered. Each round is one
 * new client, so one connection, sending the same mix of answers as a browser might:
 * cached and database reads, a 404 from the database, two 400s decided before any I/O, a
 * 404 for an unknown path. 300 rounds catch that fault with a probability over 99 %.
 */
@ServiceTest
public abstract class KeepAliveContract {

	private static final int ROUNDS = 300;

	/** Far longer than any of these answers takes; a stuck connection never answers. */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

	private static final List<String> PATHS = List.of("/api/products/1", "/api/products?limit=2", "/api/products/10001",
			"/api/products/abc", "/api/products?limit=1000", "/api/nope");

	@LocalServerPort
	private int port;

	@Test
	void shouldAnswerEveryRequestOnAKeptAliveConnection() throws InterruptedException {
		List<String> unanswered = new ArrayList<>();
		for (int round = 0; round < ROUNDS && unanswered.isEmpty(); round++) {
			try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
				for (String path : PATHS) {
					HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.timeout(ANSWER_TIMEOUT)
						.build();
					try {
						int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						assertThat(status).as("GET %s", path).isIn(200, 400, 404);
					}
					catch (IOException ex) {
						unanswered.add("round " + round + ": GET " + path + ": " + ex);
					}
				}
			}
		}
		assertThat(unanswered).as("requests a kept-alive connection never answered").isEmpty();
	}

}
