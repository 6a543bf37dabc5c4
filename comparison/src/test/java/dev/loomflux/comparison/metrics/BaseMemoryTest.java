package dev.loomflux.comparison.metrics;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BaseMemoryTest {

	private static final long MIB = 1024 * 1024;

	@Test
	void shouldReadG1sHeapRangeAndUse() {
		BaseMemory.HeapInfo heap = BaseMemory.HeapInfo
			.parse("""
					1337:
					garbage-first heap   total reserved 2097152K, committed 2097152K, used 621752K [0x0000000080000000, 0x0000000100000000)
					 region size 1024K, 539 young (551936K), 80 survivors (81920K)
					""");
		assertThat(heap).isEqualTo(new BaseMemory.HeapInfo(621752L * 1024, 0x80000000L, 0x100000000L));
		assertThat(BaseMemory.HeapInfo.parse("1337:\nsomething else\n")).isNull();
		assertThat(BaseMemory.HeapInfo.parse(null)).isNull();
	}

	/**
	 * As service-loom's heap was mapped: G1's 2 GiB split where the CDS archive maps its
	 * objects into the top of it.
	 */
	@Test
	void shouldCountEveryMappingWithinTheHeapsRangeAndNothingOutsideIt() {
		List<String> smaps = List.of("55d1c0000000-55d1c0001000 r--p 00000000 08:01 1234 /usr/bin/java",
				"Size:                  4 kB", "Rss:                   4 kB", "31a80000-71000000 ---p 00000000 00:00 0",
				"Size:            1037824 kB", "Rss:                   0 kB", "80000000-ffe00000 rw-p 00000000 00:00 0",
				"Size:            2095104 kB", "Rss:             1410288 kB", "AnonHugePages:         0 kB",
				"VmFlags: rd wr mr mw me ac sd",
				"ffe00000-fff24000 rw-p 00dc9000 fe:00 328742     /usr/lib/jvm/jdk/lib/server/classes.jsa",
				"Size:               1168 kB", "Rss:                1168 kB",
				"fff24000-100000000 rw-p 00000000 00:00 0", "Size:                880 kB",
				"Rss:                 880 kB", "7f0000000000-7f0040000000 rw-p 00000000 00:00 0",
				"Size:            1048576 kB", "Rss:                1024 kB");
		assertThat(BaseMemory.residentWithin(smaps, 0x80000000L, 0x100000000L))
			.isEqualTo((1410288L + 1168 + 880) * 1024);
	}

	/**
	 * A real JVM with a fixed, pre-touched G1 heap: jcmd, smaps and VmRSS all read, the
	 * heap found whole, and what lies outside it is the rest of the RSS.
	 */
	@Test
	void shouldMeasureARealJvm(@TempDir Path dir) throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs /proc/PID/smaps");
		Path source = Files.writeString(dir.resolve("Idle.java"),
				"class Idle { public static void main(String[] a) throws Exception {"
						+ " System.out.println(\"ready\"); Thread.sleep(120_000); } }");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process jvm = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch",
				source.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (BufferedReader out = jvm.inputReader()) {
			// attached to only once it runs its main, as the comparison attaches to a
			// service that is ready
			assertThat(out.readLine()).isEqualTo("ready");
			BaseMemory base = BaseMemory.measure(jvm.pid());
			assertThat(base).as("jcmd GC.run and GC.heap_info, smaps and VmRSS all read").isNotNull();
			double rss = ProcStat.of(jvm.pid()).rssBytes();
			assertThat(rss - base.outsideHeapRssBytes()).as("the pre-touched heap, resident")
				.isBetween(250.0 * MIB, 260.0 * MIB);
			assertThat(base.outsideHeapRssBytes()).as("the rest: code, metaspace, stacks").isPositive();
			assertThat(base.liveHeapBytes()).as("a JVM that has run nothing keeps little alive")
				.isPositive()
				.isLessThan(64.0 * MIB);
		}
		finally {
			jvm.destroy();
			jvm.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
