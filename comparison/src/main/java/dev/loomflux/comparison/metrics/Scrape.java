package dev.loomflux.comparison.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one scrape of a service saw: the figures the report uses, picked out of the
 * exposition text and {@code /proc} at {@code timeMillis}. Null where the variant has no
 * such metric (the event-loop backlog on loom) or the scrape failed.
 *
 * @param cpuTicks user + system CPU time of the process from /proc/PID/stat, in clock
 * ticks
 * @param gcPauseSeconds cumulative {@code jvm_gc_pause_seconds_sum}
 * @param allocatedBytes cumulative heap allocation: the services'
 * {@code jvm_memory_allocated_bytes_total}, counted per thread as it happens;
 * Micrometer's {@code jvm_gc_memory_allocated_bytes_total}, which moves only at young
 * collections, for a service without it
 * @param jitTicks CPU time of the JIT compiler threads from /proc ({@link ProcStat})
 * @param serverBuckets cumulative {@code http_server_requests_seconds_bucket} of the
 * public API (not actuator), summed over every label but {@code le}: upper bound in
 * seconds -> count
 * @param requestsInFlight HTTP requests the server is handling,
 * {@code http_server_requests_active_seconds_gcount} summed over every label (the scrape
 * itself counts as one)
 */
public record Scrape(long timeMillis, Long cpuTicks, Double rssBytes, Double heapUsedBytes, Double platformThreads,
		Double virtualThreadsMounted, Double virtualThreadsQueued, Double dbPoolActive, Double dbPoolPending,
		Double eventLoopPendingTasks, Double gcPauseSeconds, TreeMap<Double, Double> serverBuckets,
		Double requestsInFlight, Double allocatedBytes, Long jitTicks) {

	/**
	 * Picks the figures out of one exposition; {@code proc} adds what the JVM does not
	 * report.
	 */
	static Scrape of(long timeMillis, PrometheusText metrics, ProcStat proc) {
		return new Scrape(timeMillis, (proc != null) ? proc.cpuTicks() : remoteCpuTicks(metrics),
				(proc != null) ? proc.rssBytes() : null,
				metrics.sum("jvm_memory_used_bytes", (labels) -> "heap".equals(labels.get("area"))),
				metrics.sum("jvm_threads_live_threads"),
				metrics.sum("jvm_threads_virtual_live_threads",
						(labels) -> "mounted".equals(labels.get("scheduling_status"))),
				metrics.sum("jvm_threads_virtual_live_threads",
						(labels) -> "queued".equals(labels.get("scheduling_status"))),
				metrics.firstOf("hikaricp_connections_active", "r2dbc_pool_acquired_connections"),
				metrics.firstOf("hikaricp_connections_pending", "r2dbc_pool_pending_connections"),
				metrics.sum("reactor_netty_eventloop_pending_tasks"), metrics.sum("jvm_gc_pause_seconds_sum"),
				apiBuckets(metrics), metrics.sum("http_server_requests_active_seconds_gcount"),
				metrics.firstOf("jvm_memory_allocated_bytes_total", "jvm_gc_memory_allocated_bytes_total"),
				(proc != null) ? proc.jitTicks() : remoteJitTicks(metrics));
	}

	/**
	 * A service without a process here (compare --target): its CPU time from Micrometer's
	 * {@code process_cpu_time_ns_total}, in clock ticks like /proc's.
	 */
	private static Long remoteCpuTicks(PrometheusText metrics) {
		Double nanos = metrics.sum("process_cpu_time_ns_total");
		return (nanos != null) ? Math.round(nanos / 1e9 * ProcStat.TICKS_PER_SECOND) : null;
	}

	/**
	 * A remote service's JIT work from {@code jvm_compilation_time_ms_total}: the
	 * compilations' elapsed time, not their CPU, so it counts a compiler's waits for a
	 * busy CPU too (up to 20 times its CPU time was seen on one core): the warm-up then
	 * waits longer, never less.
	 */
	private static Long remoteJitTicks(PrometheusText metrics) {
		Double millis = metrics.sum("jvm_compilation_time_ms_total");
		return (millis != null) ? Math.round(millis / 1000 * ProcStat.TICKS_PER_SECOND) : null;
	}

	/** A scrape that failed: only /proc, if the process is still there. */
	static Scrape procOnly(long timeMillis, ProcStat proc) {
		return new Scrape(timeMillis, (proc != null) ? proc.cpuTicks() : null, (proc != null) ? proc.rssBytes() : null,
				null, null, null, null, null, null, null, null, new TreeMap<>(), null, null,
				(proc != null) ? proc.jitTicks() : null);
	}

	private static TreeMap<Double, Double> apiBuckets(PrometheusText metrics) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		for (PrometheusText.Sample sample : metrics.samples()) {
			Map<String, String> labels = sample.labels();
			if (sample.name().equals("http_server_requests_seconds_bucket") && labels.containsKey("le")
					&& labels.getOrDefault("uri", "").startsWith("/api")) {
				buckets.merge(Double.parseDouble(labels.get("le").replace("+Inf", "Infinity")), sample.value(),
						Double::sum);
			}
		}
		return buckets;
	}

}
