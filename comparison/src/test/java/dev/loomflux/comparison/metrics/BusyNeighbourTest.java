package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.loomflux.comparison.results.Interference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The meter on the real /proc: a busy loop pinned to the "service's" core while a
 * sleeping stand-in for the service is pinned there too. The loop's time must show up as
 * others' on that core, and the limit must flag it.
 */
class BusyNeighbourTest {

	private static final Path PROC = Path.of("/proc");

	@Test
	void shouldChargeABusyProcessOnTheServiceCoreToOthers() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "needs taskset");
		assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores");
		CpuTimes first = CpuTimes.read(PROC);
		assumeTrue(first != null, "needs /proc/stat");
		int core = first.cpus().keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
		Process service = pinned(core, "exec sleep 60");
		Process neighbour = pinned(core, "while :; do :; done");
		try {
			MachineSample before = MachineSample.take(PROC, service.pid(), ProcStat.of(service.pid()),
					System.currentTimeMillis());
			Thread.sleep(2000);
			MachineSample after = MachineSample.take(PROC, service.pid(), ProcStat.of(service.pid()),
					System.currentTimeMillis());
			InterferenceMeter meter = new InterferenceMeter(Set.of(core), false);
			Interference interference = meter.between(before, after);
			assertThat(interference.othersOnServiceCores()).as("the busy loop's share of core %d", core)
				.isGreaterThan(InterferenceMeter.MAX_OTHERS_ON_SERVICE_CORES);
			assertThat(interference.problem()).as("a step over a limit is invalid").isNotNull();
			assertThat(meter.problem(0.0, interference.othersOnServiceCores(), null))
				.startsWith("other processes used");
		}
		finally {
			neighbour.destroy();
			service.destroy();
		}
	}

	private static Process pinned(int core, String script) throws IOException {
		return new ProcessBuilder("taskset", "-c", Integer.toString(core), "sh", "-c", script)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

}
