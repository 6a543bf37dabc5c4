package dev.loomflux.testsupport.contract;

import java.net.http.HttpRequest;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Framework-level failures, which MVC and WebFlux raise as different exceptions, answer
 * with the same RFC 9457 problem detail from both services.
 */
@ServiceTest
public abstract class ErrorContract {

	@LocalServerPort
	private int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/nope", "/nope", "/api/products/1/nope", "/api/products/1/" })
	void shouldReturn404ProblemForUnknownPaths(String path) {
		Reply reply = this.api.get(path);

		assertProblem(reply, 404, "NOT_FOUND");
		assertThat(reply.json().get("instance").asString()).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DELETE", "POST", "PUT", "PATCH" })
	void shouldReturn405WithAllowForUnsupportedMethods(String method) {
		Reply reply = this.api.send(method, "/api/products/1", "application/json", "{}");

		assertProblem(reply, 405, "METHOD_NOT_ALLOWED");
		assertThat(reply.header("Allow")).isEqualTo("GET");
		OpenApiContract.assertConforms("GET", "/api/products/1", reply);
	}

	@Test
	void shouldReturn406ProblemWhenOnlyHtmlIsAccepted() {
		Reply reply = this.api.send(this.api.request("/api/products/1").header("Accept", "text/html").GET());

		assertProblem(reply, 406, "NOT_ACCEPTABLE");
		OpenApiContract.assertConforms("GET", "/api/products/1", reply);
	}

	@Test
	void shouldReturn413ForABodyDeclaredLargerThan64KiB() {
		String body = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

		Reply reply = this.api.send(this.api.request("/api/products")
			.header("Content-Type", "application/json")
			.method("POST", HttpRequest.BodyPublishers.ofString(body)));

		assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
	}

	/**
	 * Tomcat refuses an encoded NUL in a path before any application code runs (its
	 * answer is rewritten to a problem detail); Reactor Netty passes it on and the id
	 * fails validation. Either way: 400 with a problem detail.
	 */
	@Test
	void shouldReturn400ForAnEncodedNulInThePath() {
		Reply reply = this.api.get("/api/products/1%00");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		OpenApiContract.assertConforms("GET", "/api/products/1", reply);
	}

	@Test
	void shouldNeverLeakInternalsInAProblem() {
		Reply reply = this.api.get("/api/products/99999999");

		assertThat(reply.text()).doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("select")
			.doesNotContain("dev.loomflux")
			.doesNotContain("at org.");
		OpenApiContract.assertConforms("GET", "/api/products/99999999", reply);
	}

}
