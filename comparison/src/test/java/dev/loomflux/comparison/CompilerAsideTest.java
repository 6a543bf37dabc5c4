package dev.loomflux.comparison;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.launcher.Taskset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CompilerAsideTest {

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
				}
				assertThat(Taskset.affinity(pid)).as("the main thread stays where it was").isEqualTo(original);
			}
			for (long thread : ProcStat.compilerThreadsOf(pid)) {
				assertThat(Taskset.affinity(thread)).as("compiler thread %d after it", thread).isEqualTo("1");
			}
		}
		finally {
			for (long thread : ProcStat.compilerThreadsOf(pid)) {
				Taskset.moveThread(thread, original);
			}
		}
	}

	@Test
	void shouldLeaveTheCompilerWhereItIsWhenTheLoadHasNoCpuOfItsOwn() {
		assertThat(CompilerAside.possible("1", "0")).isEqualTo(Taskset.available());
		assertThat(CompilerAside.possible("0-1", "1")).as("overlapping").isFalse();
		assertThat(CompilerAside.possible("1", "")).as("load unpinned").isFalse();
		assertThat(CompilerAside.possible(null, "0")).as("service unpinned").isFalse();
	}

}
