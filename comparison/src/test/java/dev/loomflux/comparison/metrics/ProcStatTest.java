package dev.loomflux.comparison.metrics;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {

	@Test
	void shouldSumTheCpuTimeOfTheJitCompilerThreadsOnly() {
		// recorded from service-loom after 3 minutes of product reads:
		// C2 2039 + 16, C1 304 + 18; the VM thread is not the JIT
		assertThat(ProcStat.jitTicks(Path.of("src/test/resources/fixtures/proc/15865/task"))).isEqualTo(2377L);
	}

	@Test
	void shouldGiveNoJitTimeForAProcessThatIsGone() {
		assertThat(ProcStat.jitTicks(Path.of("src/test/resources/fixtures/proc/1/task"))).isNull();
	}

}
