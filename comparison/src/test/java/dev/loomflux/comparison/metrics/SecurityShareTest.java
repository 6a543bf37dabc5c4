package dev.loomflux.comparison.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.loomflux.bff.security.BusyTokenCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityShareTest {

	@Test
	void shouldChargeASampleToSecurityOnlyWhenASecurityFrameComesBeforeTheRequestsHandling() {
		// a JWT signature check, called from the servlet filter chain
		assertThat(SecurityShare.isSecurity(List.of("sun.security.rsa.RSASignature",
				"com.nimbusds.jose.crypto.RSASSAVerifier", "org.springframework.security.oauth2.jwt.NimbusJwtDecoder",
				"org.apache.catalina.core.ApplicationFilterChain")))
			.isTrue();
		// the controller, running inside the security filters (below it on the stack)
		assertThat(SecurityShare.isSecurity(List.of("tools.jackson.databind.ObjectMapper",
				"dev.loomflux.bff.catalog.ProductController", "org.springframework.web.servlet.DispatcherServlet",
				"org.springframework.security.web.FilterChainProxy")))
			.isFalse();
		// the services' own token validators are security's
		assertThat(SecurityShare.isSecurity(
				List.of("dev.loomflux.bff.security.TokenValidators", "dev.loomflux.bff.system.RequestSizeLimitFilter")))
			.isTrue();
		// Netty's own work, with no frame of either
		assertThat(SecurityShare.isSecurity(List.of("io.netty.channel.nio.NioIoHandler", "java.lang.Thread")))
			.isFalse();
	}

	@Test
	void shouldAttributeTheSamplesOfARunningJvmByTimeWindow(@TempDir Path folder) throws Exception {
		Path recording;
		Instant securityFrom;
		Instant securityTo;
		Instant handlingFrom;
		Instant handlingTo;
		// this very JVM, attached to by jcmd as the comparison attaches to a service
		try (JfrSampler sampler = JfrSampler.start(ProcessHandle.current().pid())) {
			securityFrom = Instant.now();
			BusyTokenCheck.spinUntil(System.nanoTime() + Duration.ofMillis(1500).toNanos());
			securityTo = Instant.now();
			handlingFrom = Instant.now();
			spinHere(System.nanoTime() + Duration.ofMillis(1500).toNanos());
			handlingTo = Instant.now();
			recording = sampler.dump(folder.resolve("samples.jfr"));
		}

		SecurityShare.Share security = SecurityShare.of(recording, securityFrom, securityTo);
		SecurityShare.Share handling = SecurityShare.of(recording, handlingFrom, handlingTo);

		assertThat(security.samples()).isPositive();
		assertThat(handling.samples()).isPositive();
		// other threads of this JVM may be sampled too, hence not exactly 1 and 0
		assertThat(security.share()).isGreaterThan(0.8);
		assertThat(handling.share()).isLessThan(0.2);
	}

	private static long spinHere(long deadlineNanos) {
		long sum = 0;
		while (System.nanoTime() < deadlineNanos) {
			sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
		}
		return sum;
	}

}
