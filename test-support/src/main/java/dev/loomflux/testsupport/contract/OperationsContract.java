package dev.loomflux.testsupport.contract;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on, the same in both services: health groups for probes, metrics on
 * the management port only, and the {@code application} and {@code model} tags that let
 * one dashboard compare the models.
 */
@ServiceTest
public abstract class OperationsContract {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Value("${spring.application.name}")
	private String application;

	@Value("${bff.model}")
	private String model;

	private HttpApi api;

	private HttpApi management;

	@BeforeEach
	void connect() {
		this.api = HttpApi.onPort(this.port);
		this.management = HttpApi.onPort(this.managementPort);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void shouldReportHealthOnTheManagementPort(String path) {
		Reply reply = this.management.get(path);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("status").asString()).isEqualTo("UP");
		assertThat(reply.json().has("components")).as("details are not shown").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/livez", "/readyz" })
	void shouldOfferProbesOnThePublicPortForLoadBalancers(String path) {
		assertThat(this.api.get(path).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/health" })
	void shouldKeepActuatorOffThePublicPort(String path) {
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void shouldExposeTaggedRequestHistogramsToPrometheus() {
		this.api.get("/api/products/7");

		String metrics = this.management.get("/actuator/prometheus").text();

		String tags = "application=\"" + this.application + "\"";
		assertThat(metrics).contains("http_server_requests_seconds_bucket{")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*" + tags + "[^}]*model=\"" + this.model
					+ "\"[^}]*uri=\"/api/products/\\{id\\}\"")
			.contains("jvm_threads_live_threads{" + tags);
	}

	/**
	 * The meters the dashboard and the alerts read beyond Spring Boot's own, with the
	 * same names and tags in both services, present from the start (at zero) so that a
	 * panel or an alert never waits for the first event to have a series.
	 */
	@Test
	void shouldExportTheServicesOwnMetersFromTheStart() {
		String metrics = this.management.get("/actuator/prometheus").text();

		for (String limit : new String[] { "api", "insights", "prices" }) {
			assertThat(metrics).containsPattern("bff_limit_refused_total\\{[^}]*limit=\"" + limit + "\"");
		}
		for (String section : new String[] { "cart", "recentOrders", "recommendations", "promotions" }) {
			assertThat(metrics).containsPattern("bff_home_degraded_total\\{[^}]*section=\"" + section + "\"");
		}
		assertThat(metrics).contains("bff_prices_open_streams{", "process_files_open_files{",
				"jvm_buffer_memory_used_bytes{", "process_uptime_seconds{");
	}

}
