package dev.loomflux.bff.system;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.contract.Fixtures;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * service-loom serves every request on a virtual thread, and nothing on the request path
 * pins its carrier: a pinned virtual thread would quietly turn the model back into
 * thread-per-request. Pinning is observed with JFR's {@code jdk.VirtualThreadPinned}
 * event, and a deliberate pin proves the observation works.
 */
@ServiceTest
@Import(RequestThreadRecorder.class)
class VirtualThreadsTest {

	@LocalServerPort
	private int port;

	@Autowired
	private RequestThreadRecorder requestThreads;

	@Test
	void shouldServeConcurrentRequestsOnVirtualThreadsWithoutPinning() throws InterruptedException {
		Queue<RecordedEvent> pinned = new ConcurrentLinkedQueue<>();
		try (RecordingStream jfr = new RecordingStream()) {
			jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
			jfr.onEvent("jdk.VirtualThreadPinned", pinned::add);
			jfr.startAsync();

			List<Integer> statuses = HttpApi.onPort(this.port).getConcurrently(Fixtures.catalogReads(300));
			Thread.ofVirtual().start(PinningProbe::pin).join();
			await().atMost(Duration.ofSeconds(20)).until(() -> pinned.stream().anyMatch(PinningProbe::causedBy));

			assertThat(statuses).hasSize(300).containsOnly(200);
			assertThat(this.requestThreads.threads()).isNotEmpty().allMatch(Thread::isVirtual);
			assertThat(pinned).filteredOn((event) -> !PinningProbe.causedBy(event)).isEmpty();
		}
	}

	/**
	 * Pins on purpose: a virtual thread that blocks inside a class initialiser cannot
	 * unmount (still true on JDK 25, after JEP 491 freed {@code synchronized}).
	 */
	static final class PinningProbe {

		static void pin() {
			Initialiser.touch();
		}

		static boolean causedBy(RecordedEvent event) {
			return event.getStackTrace() != null && event.getStackTrace()
				.getFrames()
				.stream()
				.anyMatch((frame) -> frame.getMethod().getType().getName().contains("PinningProbe"));
		}

		static final class Initialiser {

			static {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			static void touch() {
			}

		}

	}

}
