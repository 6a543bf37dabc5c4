package dev.loomflux.bff.insights;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.ServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * service-reactive runs the kernel off the event loop, on its bounded {@code insights}
 * scheduler, as the {@code bff.insights.simulation} timer's {@code thread} tag shows.
 */
@ServiceTest
class InsightsThreadTest {

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Test
	void shouldRunTheKernelOnTheBoundedCpuScheduler() {
		assertThat(HttpApi.onPort(this.port).get("/api/products/11/insights?paths=10").status()).isEqualTo(200);

		assertThat(this.meters.find("bff.insights.simulation").timers()).isNotEmpty()
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("thread")).isEqualTo("insights"))
			.extracting(Timer::count)
			.allMatch((count) -> count > 0);
	}

}
