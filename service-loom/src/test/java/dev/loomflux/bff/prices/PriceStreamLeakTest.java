package dev.loomflux.bff.prices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.SseClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that hangs up takes its stream with it: the open-streams gauge returns to 0
 * and no stream's virtual thread stays alive.
 */
@ServiceTest
class PriceStreamLeakTest {

	private static final int STREAMS = 8;

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private PriceStreamService streams;

	@Test
	void shouldEndEveryStreamAndItsThreadWhenTheClientsLeave() {
		// this context is shared with other tests: Spring pauses it between them, and a
		// stream whose client hung up just before a pause stopped the server may still be
		// counted (seen once in service-reactive's CI run). This test's claim is about
		// its
		// own streams, so it counts from what it found.
		double openBefore = openStreams();
		Set<Thread> threadsBefore = Set.copyOf(this.streams.streamThreads());
		List<SseClient> clients = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			clients.add(SseClient.open(this.port, "/api/prices/stream?ids=1," + (2 + i)));
		}
		clients.forEach((client) -> client.read(2, Duration.ofSeconds(15)));
		assertThat(openStreams()).isGreaterThanOrEqualTo(STREAMS);
		Set<Thread> threads = new java.util.HashSet<>(this.streams.streamThreads());
		threads.removeAll(threadsBefore);

		clients.forEach(SseClient::close);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(openStreams()).isLessThanOrEqualTo(openBefore);
			assertThat(threadsBefore).containsAll(this.streams.streamThreads());
			assertThat(threads).hasSizeGreaterThanOrEqualTo(STREAMS).noneMatch(Thread::isAlive);
		});
	}

	private double openStreams() {
		return this.meters.get("bff.prices.open.streams").gauge().value();
	}

}
