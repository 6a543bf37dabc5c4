package dev.loomflux.comparison;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * An intended-time load client of the test's own, on the JDK's HttpClient and nothing of
 * Gatling or the recorder: sends one request every {@code 1 / rate} seconds for a
 * duration, never waiting for an answer before the next send, and times each response
 * from the moment the request was meant to go out.
 */
final class ConstantRateClient {

	/**
	 * One request: when it was meant to go out, when it did, when it was answered
	 * ({@link System#nanoTime()}), and its status (0 when it failed).
	 */
	record Sent(long intendedNanos, long sentNanos, long answeredNanos, int status) {

		long latencyFromIntendedNanos() {
			return this.answeredNanos - this.intendedNanos;
		}

	}

	private final HttpClient client = HttpClient.newHttpClient();

	List<Sent> run(URI uri, double rate, int seconds) {
		long intervalNanos = Math.round(1e9 / rate);
		int count = (int) Math.round(rate * seconds);
		long start = System.nanoTime();
		List<CompletableFuture<Sent>> answers = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			long intended = start + index * intervalNanos;
			long wait;
			while ((wait = intended - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			long sent = System.nanoTime();
			answers
				.add(this.client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
					.handle((response, failure) -> new Sent(intended, sent, System.nanoTime(),
							(response != null) ? response.statusCode() : 0)));
		}
		return answers.stream().map(CompletableFuture::join).toList();
	}

}
