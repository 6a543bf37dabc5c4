package dev.loomflux.domain.system;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * The bytes this JVM has allocated on the heap since it started, summed over all threads
 * ({@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}, HotSpot). A
 * virtual thread allocates in its carrier's buffers, so its allocation is counted too.
 * Both services export it as {@code jvm_memory_allocated_bytes_total}: Micrometer's
 * {@code jvm_gc_memory_allocated_bytes_total} only moves at a young collection, and with
 * a 2 GiB heap a 3 s step at a few hundred requests a second often has none, which left
 * the comparison's bytes per request unmeasured.
 */
public final class HeapAllocation {

	private HeapAllocation() {
	}

	/** Whether this JVM counts allocation per thread at all. */
	public static boolean available() {
		return totalBytes().isPresent();
	}

	/** The total so far, or empty where the JVM does not count it. */
	public static OptionalLong totalBytes() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
			long total = threads.getTotalThreadAllocatedBytes();
			return (total >= 0) ? OptionalLong.of(total) : OptionalLong.empty();
		}
		return OptionalLong.empty();
	}

}
