package dev.loomflux.microbench.parked;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.loomflux.microbench.Json;
import dev.loomflux.microbench.MicrobenchReport.Parked;
import tools.jackson.databind.SerializationFeature;

/**
 * The child JVM of {@link FootprintRun}: parks {@code count} tasks of one kind and prints
 * one line {@code RESULT {json}} with the growth of heap and resident set per task.
 * <p>
 * Method, and what the figures include:
 * <ol>
 * <li>Warm up: park and release tasks of the same kind ({@link #WARM_UP_ROUNDS} rounds),
 * so class loading, JIT-compiled frames, the virtual thread scheduler's carriers or
 * Reactor's classes are in the baseline, not charged to the tasks. Then allocate garbage
 * until the whole young generation has been touched, so that later allocation does not
 * show up as resident growth.</li>
 * <li>Baseline after a full GC: heap used as that GC left it (the heap pools' collection
 * usage) and VmRSS.</li>
 * <li>Park {@code count} tasks, full GC again, measure again: the difference divided by
 * {@code count}.</li>
 * </ol>
 * Heap per task is the live objects only: for a virtual thread its object, continuation
 * and stack chunk with the frozen frames and the latch's wait node; for a platform thread
 * just its {@code Thread} object and wait node, its frames are on the native stack; for a
 * pending Mono its sink and operator subscribers. RSS per task adds what lives off heap:
 * a platform thread's touched stack pages, the JVM's per-thread structures and glibc's
 * thread control block; for heap-only tasks it is about the heap figure rounded to pages.
 * Neither includes kernel memory (a platform thread's kernel stack and task struct, about
 * 20 KB more on x86-64, are not in RSS). The JVM runs with Serial GC and a fixed heap
 * (see {@link FootprintRun#CHILD_JVM_ARGS}) so that nothing is uncommitted between the
 * two readings and no GC bookkeeping grows with occupancy; object sizes do not depend on
 * the GC.
 */
public final class ParkedFootprint {

	static final String RESULT_PREFIX = "RESULT ";

	/**
	 * Rounds of parking and releasing {@link #WARM_UP_TASKS} before the baseline: enough
	 * calls for the JIT to compile the task's frames, as a running server's would be.
	 * Interpreted frames are several times larger than compiled ones, and a virtual
	 * thread's stack chunk holds its frames as they were when it parked.
	 */
	private static final int WARM_UP_ROUNDS = 20;

	private static final int WARM_UP_TASKS = 500;

	private ParkedFootprint() {
	}

	public static void main(String[] args) throws Exception {
		ParkedKind kind = ParkedKind.of(args[0]);
		int count = Integer.parseInt(args[1]);
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			kind.park(Math.min(WARM_UP_TASKS, count)).release();
		}
		touchYoungGeneration();
		Reading before = Reading.settled();
		ParkedTasks tasks = kind.park(count);
		Reading after = Reading.settled();
		tasks.release();
		Double rss = (before.rssBytes() < 0 || after.rssBytes() < 0) ? null
				: (after.rssBytes() - before.rssBytes()) / (double) count;
		Parked parked = new Parked(kind.reportName(), count, (after.heapBytes() - before.heapBytes()) / (double) count,
				rss);
		System.out.println(RESULT_PREFIX
				+ Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(parked));
	}

	/**
	 * Allocates and drops twice the heap's size in small arrays: every young page
	 * resident.
	 */
	private static void touchYoungGeneration() {
		long total = 2 * Runtime.getRuntime().maxMemory();
		long sink = 0;
		for (long allocated = 0; allocated < total; allocated += 64 * 1024) {
			byte[] garbage = new byte[64 * 1024];
			garbage[garbage.length - 1] = 1;
			sink += garbage.length;
		}
		if (sink == 42) {
			System.out.println();
		}
	}

	/** Heap used after a full GC and VmRSS (-1 where /proc is missing), in bytes. */
	private record Reading(long heapBytes, long rssBytes) {

		static Reading settled() throws IOException, InterruptedException {
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(50);
			}
			return new Reading(heapAfterGc(), rss());
		}

		/**
		 * The heap pools' usage as the last GC left them. Not the current usage: that
		 * counts the whole TLAB handed to this thread since, megabytes of noise.
		 */
		private static long heapAfterGc() {
			return ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
				.mapToLong((pool) -> pool.getCollectionUsage().getUsed())
				.sum();
		}

		private static long rss() throws IOException {
			Path status = Path.of("/proc/self/status");
			if (!Files.isReadable(status)) {
				return -1;
			}
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return 1024 * Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			return -1;
		}

	}

}
