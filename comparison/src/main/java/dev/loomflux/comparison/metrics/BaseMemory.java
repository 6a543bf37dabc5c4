package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM holds at rest, apart from garbage and apart from how much of its heap it has
 * happened to touch: the memory resident outside the Java heap (code, metaspace, thread
 * stacks, direct buffers, the C heap) and the heap's live objects after a full GC.
 * <p>
 * Not the idle RSS: with a fixed heap ({@code -Xms} = {@code -Xmx}) the RSS counts every
 * heap page written since the start, which is how far allocation ran before the first GC,
 * not what the runtime needs; two starts of the same service-loom jar measured 472 and
 * 595 MiB of idle RSS with 167 and 159 MiB of heap used (full run of 4 December).
 *
 * @param outsideHeapRssBytes {@code VmRSS} less the resident pages of the heap's address
 * range
 * @param liveHeapBytes heap used right after a full GC
 */
public record BaseMemory(double outsideHeapRssBytes, double liveHeapBytes) {

	/** The first field of a mapping's header line in smaps: its address range. */
	private static final Pattern MAPPING = Pattern.compile("([0-9a-f]+)-([0-9a-f]+)");

	/**
	 * G1's line in {@code GC.heap_info}: "garbage-first heap total reserved 2097152K,
	 * committed 2097152K, used 621752K [0x0000000080000000, 0x0000000100000000)".
	 */
	private static final Pattern HEAP_INFO = Pattern.compile("heap .*used (\\d+)K \\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

	/**
	 * Asks the process for a full GC, then for its heap's address range and use (the
	 * JDK's {@code jcmd PID GC.run} and {@code GC.heap_info}, from this JVM's home), and
	 * reads the resident memory in that range and in all ({@code /proc/PID/smaps},
	 * {@code VmRSS}). Null when any of it cannot be read: a remote process, a collector
	 * whose heap_info gives no single range, a jcmd that failed.
	 */
	public static BaseMemory measure(long pid) {
		if (Jcmd.run(pid, "GC.run") == null) {
			return null;
		}
		HeapInfo heap = HeapInfo.parse(Jcmd.run(pid, "GC.heap_info"));
		if (heap == null) {
			return null;
		}
		try {
			long resident = residentWithin(Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps")),
					heap.start(), heap.end());
			ProcStat stat = ProcStat.of(pid);
			if (stat == null || Double.isNaN(stat.rssBytes())) {
				return null;
			}
			return new BaseMemory(stat.rssBytes() - resident, heap.usedBytes());
		}
		catch (IOException | RuntimeException gone) {
			return null;
		}
	}

	/**
	 * The heap's address range and use, from {@code GC.heap_info}.
	 *
	 * @param usedBytes heap used
	 * @param start its first address
	 * @param end the address after its last
	 */
	record HeapInfo(long usedBytes, long start, long end) {

		/** Null when the text has no single heap range (not G1, or no output). */
		static HeapInfo parse(String heapInfo) {
			if (heapInfo == null) {
				return null;
			}
			Matcher matcher = HEAP_INFO.matcher(heapInfo);
			return matcher.find()
					? new HeapInfo(Long.parseLong(matcher.group(1)) * 1024,
							Long.parseUnsignedLong(matcher.group(2), 16), Long.parseUnsignedLong(matcher.group(3), 16))
					: null;
		}

	}

	/**
	 * The resident bytes of the mappings in a {@code /proc/PID/smaps} that lie within
	 * {@code [start, end)}: the heap, which G1 splits where the CDS archive maps its
	 * objects into the top of it.
	 */
	static long residentWithin(List<String> smaps, long start, long end) {
		long resident = 0;
		boolean within = false;
		for (String line : smaps) {
			int space = line.indexOf(' ');
			Matcher mapping = (space > 0) ? MAPPING.matcher(line.substring(0, space)) : null;
			if (mapping != null && mapping.matches()) {
				within = Long.parseUnsignedLong(mapping.group(1), 16) >= start
						&& Long.parseUnsignedLong(mapping.group(2), 16) <= end;
			}
			else if (within && line.startsWith("Rss:")) {
				resident += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return resident;
	}

}
