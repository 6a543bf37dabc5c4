package dev.loomflux.comparison.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

	private static final String EXPOSITION = """
			# HELP jvm_memory_used_bytes The amount of used memory
			# TYPE jvm_memory_used_bytes gauge
			jvm_memory_used_bytes{application="service-loom",area="heap",id="G1 Eden Space",model="virtual-threads"} 1.2E7
			jvm_memory_used_bytes{application="service-loom",area="heap",id="G1 Old Gen",model="virtual-threads"} 3.0E7
			jvm_memory_used_bytes{application="service-loom",area="nonheap",id="Metaspace",model="virtual-threads"} 9.0E7
			process_cpu_usage{application="service-loom"} 0.25
			jvm_threads_live_threads 31
			odd_labels{path="a \\"quoted\\", comma\\\\ and\\nnewline",le="+Inf"} NaN
			http_server_requests_seconds_bucket{uri="/api/products/{id}",le="0.005"} 10 1700000000000
			http_server_requests_seconds_bucket{uri="/api/products/{id}",le="+Inf"} 12
			""";

	@Test
	void shouldSumSamplesWhoseLabelsMatch() {
		PrometheusText metrics = PrometheusText.parse(EXPOSITION);
		assertThat(metrics.sum("jvm_memory_used_bytes", (labels) -> "heap".equals(labels.get("area"))))
			.isEqualTo(4.2E7);
		assertThat(metrics.sum("process_cpu_usage")).isEqualTo(0.25);
		assertThat(metrics.sum("jvm_threads_live_threads")).isEqualTo(31);
	}

	@Test
	void shouldReadEscapedLabelValuesAndInfinityAndTimestamps() {
		PrometheusText metrics = PrometheusText.parse(EXPOSITION);
		PrometheusText.Sample odd = metrics.samples()
			.stream()
			.filter((sample) -> sample.name().equals("odd_labels"))
			.findFirst()
			.orElseThrow();
		assertThat(odd.labels()).containsEntry("path", "a \"quoted\", comma\\ and\nnewline")
			.containsEntry("le", "+Inf");
		assertThat(odd.value()).isNaN();
		assertThat(metrics.sum("http_server_requests_seconds_bucket", (labels) -> "0.005".equals(labels.get("le"))))
			.isEqualTo(10);
	}

	@Test
	void shouldSayAbsentRatherThanZero() {
		PrometheusText metrics = PrometheusText.parse(EXPOSITION);
		assertThat(metrics.sum("reactor_netty_eventloop_pending_tasks")).isNull();
		assertThat(metrics.sum("odd_labels")).as("NaN samples are no figure").isNull();
		assertThat(metrics.firstOf("hikaricp_connections_active", "process_cpu_usage")).isEqualTo(0.25);
	}

}
