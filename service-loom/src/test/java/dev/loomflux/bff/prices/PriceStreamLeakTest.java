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
		List<SseClient> clients = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			clients.add(SseClient.open(this.port, "/api/prices/stream?ids=1," + (2 + i)));
		}
		clients.forEach((client) -> client.read(2, Duration.ofSeconds(15)));
		assertThat(openStreams()).isGreaterThanOrEqualTo(STREAMS);
		Set<Thread> threads = this.streams.streamThreads();

		clients.forEach(SseClient::close);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(openStreams()).isZero();
			assertThat(this.streams.streamThreads()).isEmpty();
			assertThat(threads).hasSizeGreaterThanOrEqualTo(STREAMS).noneMatch(Thread::isAlive);
		});
	}

	private double openStreams() {
		return this.meters.get("bff.prices.open.streams").gauge().value();
	}

}
