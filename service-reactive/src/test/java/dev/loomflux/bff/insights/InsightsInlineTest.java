package dev.loomflux.bff.insights;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code reactive-inline} profile runs the kernel on the event loop that owns the
 * request's connection (the naive mistake, kept on purpose). CPU work is not a blocking
 * call, so BlockHound lets it pass: only the measurements show its cost. A context of its
 * own, so it keeps a small database pool and is closed afterwards.
 */
@ServiceTest
@ActiveProfiles("reactive-inline")
@TestPropertySource(properties = "bff.db.pool-size=2")
@DirtiesContext
class InsightsInlineTest {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private BffProperties properties;

	@Test
	void shouldRunTheKernelOnAnEventLoopThread() {
		assertThat(HttpApi.onPort(this.port).get("/api/products/11/insights?paths=10").status()).isEqualTo(200);

		assertThat(this.meters.find("bff.insights.simulation").timers()).isNotEmpty()
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("thread")).contains("-http-"));
		assertThat(this.properties.model()).isEqualTo("event-loop-inline");
	}

}
