package dev.loomflux.testsupport.contract;

import java.util.List;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public port shows, run unchanged against both services: the API and health,
 * nothing else of the actuator; the security headers on every kind of answer (a
 * controller's, a filter's, the server's own refusal of an oversized header); and no
 * stack trace, SQL, class name or version in any answer.
 */
@ServiceTest
public abstract class ExposureContract {

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
	}

	@Test
	void shouldServeOnlyTheApiAndHealthOnThePublicPort() {
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/metrics",
				"/actuator/env", "/actuator/info", "/actuator/heapdump", "/error")) {
			assertThat(this.api.get(path).status()).as(path).isEqualTo(404);
		}
		assertThat(this.api.get("/livez").status()).isEqualTo(200);
		assertThat(this.api.get("/readyz").status()).isEqualTo(200);
	}

	@Test
	void shouldSendTheSecurityHeadersAndNoVersionOnEveryKindOfAnswer() {
		for (Reply reply : answersOfEveryKind()) {
			assertThat(reply.header("X-Content-Type-Options")).as("%s", reply).isEqualTo("nosniff");
			assertThat(reply.header("Cache-Control")).as("%s", reply).isEqualTo("no-store");
			assertThat(reply.header("Server")).as("%s", reply).isNull();
			assertThat(reply.header("X-Powered-By")).as("%s", reply).isNull();
		}
	}

	@Test
	void shouldNeverShowStackTracesSqlClassNamesOrVersions() {
		for (Reply reply : answersOfEveryKind()) {
			assertThat(reply.text()).as("%s", reply)
				.doesNotContainIgnoringCase("exception")
				.doesNotContain("\tat ", "java.", "org.", "dev.loomflux", "Caused by")
				.doesNotContainIgnoringCase("select ")
				.doesNotContainIgnoringCase("postgres")
				.doesNotContainIgnoringCase("tomcat")
				.doesNotContainIgnoringCase("netty")
				.doesNotContainIgnoringCase("spring");
		}
	}

	private List<Reply> answersOfEveryKind() {
		return List.of(this.api.get("/api/products/1"), this.api.get("/api/products?limit=2"),
				this.api.get("/api/products/10001"), this.api.get("/api/products/abc"),
				this.api.get("/api/products?limit=1000"), this.api.get("/api/nope"),
				this.api.send("DELETE", "/api/products/1", null, null),
				this.api.as(1).send("PUT", "/api/customers/1/cart/items/5", "text/plain", "1"),
				this.api.as(1).send("PUT", "/api/customers/1/cart/items/5", "application/json", "{\"quantity\":"),
				this.api.as(1)
					.send("PUT", "/api/customers/1/cart/items/5", "application/json",
							"{\"pad\":\"" + "x".repeat(70_000) + "\"}"),
				this.api.send(this.api.request("/api/products/1").header("X-Big", "a".repeat(20_000)).GET()),
				this.api.get("/livez"));
	}

}
