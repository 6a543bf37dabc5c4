package dev.loomflux.bff.system;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code platform} profile runs the same code on Tomcat's pool of platform threads,
 * and a home page's concurrent calls on a bounded pool of platform threads.
 */
@ServiceTest
@ActiveProfiles("platform")
@Import(RequestThreadRecorder.class)
class PlatformThreadsTest {

	@LocalServerPort
	private int port;

	@Autowired
	private RequestThreadRecorder requestThreads;

	@Autowired
	private BffProperties properties;

	@Test
	void shouldServeRequestsOnTomcatPlatformThreads() {
		assertThat(HttpApi.onPort(this.port).get("/api/products/2").status()).isEqualTo(200);

		assertThat(this.requestThreads.threads()).isNotEmpty()
			.noneMatch(Thread::isVirtual)
			.allMatch((thread) -> thread.getName().startsWith("http-nio-"));
		assertThat(this.properties.model()).isEqualTo("platform-threads");
	}

	@Test
	void shouldFanOutHomePagesOnABoundedPoolOfPlatformThreads() {
		assertThat(HttpApi.onPort(this.port).as(3).get("/api/customers/3/home").status()).isEqualTo(200);

		assertThat(Thread.getAllStackTraces().keySet())
			.filteredOn((thread) -> thread.getName().startsWith("home-fanout-"))
			.isNotEmpty()
			.noneMatch(Thread::isVirtual)
			.hasSizeLessThanOrEqualTo(this.properties.home().fanOut().platformThreads());
		assertThat(this.properties.home().fanOut().queueCapacity()).isPositive();
	}

}
