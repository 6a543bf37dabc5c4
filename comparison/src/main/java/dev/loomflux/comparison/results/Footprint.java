package dev.loomflux.comparison.results;

import java.util.List;

/**
 * A variant before any load, and how long it took to warm up.
 *
 * @param variant {@code loom}, {@code platform}, {@code reactive} or
 * {@code reactive-inline}
 * @param startupSeconds process start until the readiness probe answered 200
 * @param idleRssBytes resident set size after start-up, before warm-up
 * @param idleHeapUsedBytes {@code jvm_memory_used_bytes{area="heap"}} at the same moment
 * @param idlePlatformThreads {@code jvm_threads_live_threads} at the same moment
 * @param warmupRounds requests/s of each round of its first warm-up (the JVM cold, the
 * first scenario's requests), in order
 * @param warmupJitShares per round of the same warm-up, the CPU the JIT compiler threads
 * used over the round's wall time (one core = 1; null where it could not be read)
 * @param warmupSteady whether the last rounds agreed within the profile's tolerance with
 * the JIT quiet (false: the warm-up hit its time limit first)
 * @param idleOutsideHeapRssBytes right after the idle scrape and a full GC, the resident
 * memory outside the Java heap's mapping ({@code BaseMemory}); null where not measured (a
 * remote service, or a run from before it was)
 * @param idleLiveHeapBytes the heap used right after that full GC; null likewise
 */
public record Footprint(String variant, Double startupSeconds, Double idleRssBytes, Double idleHeapUsedBytes,
		Double idlePlatformThreads, List<Double> warmupRounds, List<Double> warmupJitShares, boolean warmupSteady,
		Double idleOutsideHeapRssBytes, Double idleLiveHeapBytes) {

	/**
	 * C11's figure: what the process holds at rest apart from garbage and untouched heap
	 * pages; null unless both parts were measured.
	 */
	public Double baseMemoryBytes() {
		return (this.idleOutsideHeapRssBytes != null && this.idleLiveHeapBytes != null)
				? this.idleOutsideHeapRssBytes + this.idleLiveHeapBytes : null;
	}

}
