package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.launcher.Taskset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CompilerAsideTest {

	/** Only root (or CAP_SYS_NICE) may raise a thread's priority. */
	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	@Test
	void shouldMoveOnlyTheCompilerThreadsToTheLoadCpusAndBackToTheServiceCpus() throws Exception {
		assumeTrue(Taskset.available() && Runtime.getRuntime().availableProcessors() >= 2, "needs taskset and 2 CPUs");
		// this test's own JVM stands in for the service: its compiler threads are real
		long pid = ProcessHandle.current().pid();
		String original = Taskset.affinity(pid);
		List<Long> compilers = ProcStat.compilerThreadsOf(pid);
		assertThat(compilers).as("a JVM's C1 and C2 threads").isNotEmpty();
		try {
			try (CompilerAside aside = CompilerAside.of(pid, "1", "0")) {
				for (long thread : ProcStat.compilerThreadsOf(pid)) {
					assertThat(Taskset.affinity(thread)).as("compiler thread %d during the warm-up", thread)
						.isEqualTo("0");
					if (ROOT) {
						assertThat(niceness(pid, thread)).as("ahead of the warm-up's client")
							.isEqualTo(CompilerAside.AHEAD);
					}
				}
				assertThat(Taskset.affinity(pid)).as("the main thread stays where it was").isEqualTo(original);
			}
			for (long thread : ProcStat.compilerThreadsOf(pid)) {
				assertThat(Taskset.affinity(thread)).as("compiler thread %d after it", thread).isEqualTo("1");
				assertThat(niceness(pid, thread)).as("at normal priority again").isZero();
			}
		}
		finally {
			for (long thread : ProcStat.compilerThreadsOf(pid)) {
				Taskset.moveThread(thread, original);
			}
		}
	}

	/** Field 19 of /proc/PID/task/TID/stat. */
	private static int niceness(long pid, long thread) throws Exception {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(thread), "stat"));
		return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
	}

	@Test
	void shouldLeaveTheCompilerWhereItIsWhenTheLoadHasNoCpuOfItsOwn() {
		assertThat(CompilerAside.possible("1", "0")).isEqualTo(Taskset.available());
		assertThat(CompilerAside.possible("0-1", "1")).as("overlapping").isFalse();
		assertThat(CompilerAside.possible("1", "")).as("load unpinned").isFalse();
		assertThat(CompilerAside.possible(null, "0")).as("service unpinned").isFalse();
	}

}
