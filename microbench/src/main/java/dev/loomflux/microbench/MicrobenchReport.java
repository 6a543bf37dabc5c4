package dev.loomflux.microbench;

import java.util.List;

/**
 * What the {@code microbench} jar writes: the same field names as
 * {@code dev.loomflux.comparison.results.Microbenchmarks} in the gatling module, which
 * reads the file. Mirrored rather than shared so that this module stays free of the
 * comparison run's dependencies.
 *
 * @param handoffs cost of passing control from one suspended task to another (C6)
 * @param parked memory of one parked (waiting) task (C7)
 * @param conditions how they were measured, for the report
 * @param failure what could not be measured and why; null when everything was
 */
public record MicrobenchReport(List<Handoff> handoffs, List<Parked> parked, String conditions, String failure) {

	/**
	 * @param kind {@code virtual-thread}, {@code platform-thread} or {@code reactor}
	 * @param nsPerHandoff JMH average time of one one-way hand-off
	 * @param error JMH's 99.9 % error of that average, ns; null when JMH could not
	 * compute one (a single iteration)
	 */
	public record Handoff(String kind, double nsPerHandoff, Double error) {
	}

	/**
	 * @param kind {@code virtual-thread}, {@code platform-thread} or
	 * {@code reactor-pending}
	 * @param count how many were parked at once
	 * @param heapBytesPerTask heap used after a full GC, per parked task
	 * @param rssBytesPerTask resident set growth per parked task; null where
	 * {@code /proc/self/status} is not available
	 */
	public record Parked(String kind, int count, Double heapBytesPerTask, Double rssBytesPerTask) {
	}

}
