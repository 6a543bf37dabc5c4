package dev.loomflux.bff.system;

import java.util.List;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.ServiceTest;
import dev.loomflux.testsupport.contract.Fixtures;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BlockHound (installed for every test of this module by blockhound-junit-platform) turns
 * any blocking call on an event-loop thread into an error, so a blocking call anywhere on
 * the request path fails the tests. The deliberate sleep below proves that the detection
 * works on Reactor Netty's loop threads under this JDK.
 */
@ServiceTest
@Import(EventLoopBlockingTest.SleepOnEventLoop.class)
class EventLoopBlockingTest {

	@LocalServerPort
	private int port;

	@Test
	void shouldDetectABlockingCallOnTheEventLoop() {
		String verdict = HttpApi.onPort(this.port).get("/test/sleep-on-event-loop").text();

		assertThat(verdict).startsWith("detected on ").contains("-http-");
	}

	@Test
	void shouldServeConcurrentRequestsWithoutBlockingTheEventLoop() {
		List<Integer> statuses = HttpApi.onPort(this.port).getConcurrently(Fixtures.catalogReads(300));

		assertThat(statuses).hasSize(300).containsOnly(200);
	}

	/** A handler that blocks on the event loop on purpose. */
	@TestComponent
	@RestController
	static class SleepOnEventLoop {

		@GetMapping("/test/sleep-on-event-loop")
		Mono<String> sleep() {
			String thread = Thread.currentThread().getName();
			try {
				Thread.sleep(1);
				return Mono.just("not detected on " + thread);
			}
			catch (BlockingOperationError detected) {
				return Mono.just("detected on " + thread);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Mono.just("interrupted");
			}
		}

	}

}
