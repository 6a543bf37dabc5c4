package dev.loomflux.gatling.recording;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;

/**
 * This JVM's own CPU time at each step boundary, read from inside (process CPU time:
 * every thread, the JIT compiler and the collector included), so each step's share of the
 * load generator's cores can be told apart: a load generator near its cores' limit
 * measures itself, not the service.
 */
final class ProcessCpu {

	private static final long NOT_SAMPLED = Long.MIN_VALUE;

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	/** The cores this JVM may use: taskset's list, as the JVM sees it. */
	private final int cores = Runtime.getRuntime().availableProcessors();

	private final long[] wallNanos;

	private final long[] cpuNanos;

	/**
	 * Samples at {@code originNanos + boundaryNanos[i]} ({@link System#nanoTime()}) on a
	 * daemon thread of its own.
	 */
	ProcessCpu(long originNanos, long[] boundaryNanos) {
		this.wallNanos = new long[boundaryNanos.length];
		this.cpuNanos = new long[boundaryNanos.length];
		java.util.Arrays.fill(this.wallNanos, NOT_SAMPLED);
		Thread.ofPlatform().daemon().name("loomflux-cpu-sampler").start(() -> {
			for (int index = 0; index < boundaryNanos.length; index++) {
				long wait;
				while ((wait = originNanos + boundaryNanos[index] - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				sample(index);
			}
		});
	}

	private synchronized void sample(int index) {
		this.cpuNanos[index] = this.os.getProcessCpuTime();
		this.wallNanos[index] = System.nanoTime();
	}

	/**
	 * The busy share of this JVM's cores between boundary {@code step} and the next
	 * (0..1), up to now when the next is not reached yet; null before the step began.
	 */
	synchronized Double share(int step) {
		if (this.wallNanos[step] == NOT_SAMPLED) {
			return null;
		}
		boolean ended = step + 1 < this.wallNanos.length && this.wallNanos[step + 1] != NOT_SAMPLED;
		long endWall = ended ? this.wallNanos[step + 1] : System.nanoTime();
		long endCpu = ended ? this.cpuNanos[step + 1] : this.os.getProcessCpuTime();
		long wall = endWall - this.wallNanos[step];
		return (wall > 0) ? (double) (endCpu - this.cpuNanos[step]) / wall / this.cores : null;
	}

}
