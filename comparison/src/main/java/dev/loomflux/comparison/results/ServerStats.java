package dev.loomflux.comparison.results;

/**
 * Server-side figures over one step, from {@code /actuator/prometheus} scraped during the
 * step and from {@code /proc}. Any figure the variant cannot have (event-loop backlog on
 * loom, virtual threads on reactive) or that could not be scraped is null.
 *
 * @param cpu busy share of the service's cores over the step (0..1), from /proc/PID/stat
 * @param cpuSeconds CPU time the process used during the step (busy share x cores x step
 * length)
 * @param rssBytes peak resident set size
 * @param heapUsedBytes peak {@code jvm_memory_used_bytes{area="heap"}}
 * @param platformThreads peak {@code jvm_threads_live_threads}
 * @param virtualThreadsMounted peak mounted virtual threads (micrometer-java21)
 * @param virtualThreadsQueued peak queued virtual threads
 * @param dbPoolActive peak connections in use (HikariCP active / r2dbc acquired)
 * @param dbPoolPending peak requests waiting for a connection
 * @param eventLoopPendingTasks peak {@code reactor_netty_eventloop_pending_tasks}, summed
 * over loops
 * @param gcPauseSeconds GC pause time during the step
 * @param serverP99Ms p99 of {@code http_server_requests_seconds} over the step, from its
 * histogram buckets
 * @param requestsInFlight peak HTTP requests the server was handling (its
 * {@code http.server.requests.active} timer), measured, not the load's configured
 * concurrency
 * @param allocatedBytes heap allocated during the step
 * ({@code jvm_gc_memory_allocated_bytes_total})
 * @param jitCpuSeconds CPU time the JIT compiler threads used during the step, from
 * /proc: how far the service was from warm
 * @param jitShare the same over the scrapes around the step, as a share of the service's
 * cores (0..1): the CPU the compiler took from the requests
 */
public record ServerStats(Double cpu, Double cpuSeconds, Double rssBytes, Double heapUsedBytes, Double platformThreads,
		Double virtualThreadsMounted, Double virtualThreadsQueued, Double dbPoolActive, Double dbPoolPending,
		Double eventLoopPendingTasks, Double gcPauseSeconds, Double serverP99Ms, Double requestsInFlight,
		Double allocatedBytes, Double jitCpuSeconds, Double jitShare) {

	/** Without the JIT's share (runs recorded before it). */
	public ServerStats(Double cpu, Double cpuSeconds, Double rssBytes, Double heapUsedBytes, Double platformThreads,
			Double virtualThreadsMounted, Double virtualThreadsQueued, Double dbPoolActive, Double dbPoolPending,
			Double eventLoopPendingTasks, Double gcPauseSeconds, Double serverP99Ms, Double requestsInFlight,
			Double allocatedBytes, Double jitCpuSeconds) {
		this(cpu, cpuSeconds, rssBytes, heapUsedBytes, platformThreads, virtualThreadsMounted, virtualThreadsQueued,
				dbPoolActive, dbPoolPending, eventLoopPendingTasks, gcPauseSeconds, serverP99Ms, requestsInFlight,
				allocatedBytes, jitCpuSeconds, null);
	}

	/**
	 * Without the in-flight, allocation and compilation figures (runs recorded before
	 * them).
	 */
	public ServerStats(Double cpu, Double cpuSeconds, Double rssBytes, Double heapUsedBytes, Double platformThreads,
			Double virtualThreadsMounted, Double virtualThreadsQueued, Double dbPoolActive, Double dbPoolPending,
			Double eventLoopPendingTasks, Double gcPauseSeconds, Double serverP99Ms) {
		this(cpu, cpuSeconds, rssBytes, heapUsedBytes, platformThreads, virtualThreadsMounted, virtualThreadsQueued,
				dbPoolActive, dbPoolPending, eventLoopPendingTasks, gcPauseSeconds, serverP99Ms, null, null, null,
				null);
	}

}
