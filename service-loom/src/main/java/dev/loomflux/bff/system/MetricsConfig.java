package dev.loomflux.bff.system;

import dev.loomflux.domain.system.HeapAllocation;
import dev.loomflux.domain.system.ProcessMemory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters both services export beyond what Spring Boot configures by itself, identical in
 * both so that every dashboard panel has a series per model. Boot already gives the
 * request histograms, JVM memory, GC, CPU, threads, virtual threads (micrometer-java21 on
 * the classpath), the connection pool (HikariCP here, r2dbc-pool in the other service)
 * and Lettuce's command latencies, all tagged {@code application} and {@code model}
 * (loomflux-common.yaml).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

	/**
	 * {@code process_memory_rss_bytes}: the whole process's resident memory, thread
	 * stacks and direct buffers included, which the JVM's memory meters leave out. Absent
	 * where the platform has no {@code /proc}.
	 */
	@Bean
	MeterBinder processMemoryMetrics() {
		return (registry) -> {
			if (ProcessMemory.available()) {
				Gauge.builder("process.memory.rss", () -> ProcessMemory.residentSetBytes().orElse(-1))
					.description("Resident set size of the process (VmRSS)")
					.baseUnit(BaseUnits.BYTES)
					.register(registry);
			}
		};
	}

	/**
	 * {@code jvm_memory_allocated_bytes_total}: heap bytes allocated by all threads since
	 * the start, counted as they are allocated ({@link HeapAllocation}), so that the
	 * comparison can divide a few seconds' allocation by the requests served in them.
	 */
	@Bean
	MeterBinder heapAllocationMetrics() {
		return (registry) -> {
			if (HeapAllocation.available()) {
				FunctionCounter
					.builder("jvm.memory.allocated", HeapAllocation.class,
							(ignored) -> HeapAllocation.totalBytes().orElse(0))
					.description("Heap bytes allocated by all threads since the JVM started")
					.baseUnit(BaseUnits.BYTES)
					.register(registry);
			}
		};
	}

}
