package dev.loomflux.domain.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BareManagementPortTest {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void shouldAnswerReadinessOnlyOnceReady() throws Exception {
		try (BareManagementPort port = BareManagementPort.open(0)) {
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);
			port.ready();
			HttpResponse<String> ready = get(port, "/actuator/health/readiness");
			assertThat(ready.statusCode()).isEqualTo(200);
			assertThat(ready.body()).contains("UP");
		}
	}

	@Test
	void shouldExportTheAllocationCountAsPrometheusText() throws Exception {
		assumeTrue(HeapAllocation.available(), "this JVM does not count allocation per thread");
		try (BareManagementPort port = BareManagementPort.open(0)) {
			HttpResponse<String> metrics = get(port, "/actuator/prometheus");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).containsPattern("(?m)^jvm_memory_allocated_bytes_total \\d+$");
		}
	}

	private HttpResponse<String> get(BareManagementPort port, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
