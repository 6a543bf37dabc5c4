package dev.loomflux.gatling.endpoints;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The downstream stub's call counter ({@code GET /admin/calls}): a cheap request to a
 * server that is not under test, on which the load generator warms itself up.
 */
public final class StubCalls {

	private StubCalls() {
	}

	public static HttpRequestActionBuilder calls() {
		return http("stub-calls").get("/admin/calls").check(Api.expect(200));
	}

}
