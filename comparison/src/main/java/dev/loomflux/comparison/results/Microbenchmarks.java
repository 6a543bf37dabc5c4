package dev.loomflux.comparison.results;

import java.util.List;

/**
 * What no HTTP scenario can isolate (claims C6 and C7), measured by the
 * {@code microbench} module.
 *
 * @param handoffs cost of passing control from one suspended task to another
 * @param parked memory of one parked (waiting) task
 * @param conditions how they were measured (JMH settings, counts), for the report
 * @param failure why nothing was measured; null when it was
 */
public record Microbenchmarks(List<Handoff> handoffs, List<Parked> parked, String conditions, String failure) {

	/**
	 * @param kind {@code virtual-thread}, {@code platform-thread} or {@code reactor}
	 * @param nsPerHandoff JMH average time of one hand-off (one direction of a ping-pong)
	 * @param error JMH's 99.9 % error of that average, ns
	 */
	public record Handoff(String kind, double nsPerHandoff, Double error) {
	}

	/**
	 * @param kind {@code virtual-thread}, {@code platform-thread} or
	 * {@code reactor-pending}
	 * @param count how many were parked at once
	 * @param heapBytesPerTask heap used (after GC) per parked task
	 * @param rssBytesPerTask resident memory per parked task (stacks of platform threads
	 * are outside the heap)
	 */
	public record Parked(String kind, int count, Double heapBytesPerTask, Double rssBytesPerTask) {
	}

}
