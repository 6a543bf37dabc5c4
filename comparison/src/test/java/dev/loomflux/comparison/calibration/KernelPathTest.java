package dev.loomflux.comparison.calibration;

import java.nio.file.Path;

import dev.loomflux.comparison.results.Calibration;
import dev.loomflux.launcher.Taskset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel path is measured both ways, through a real loopback connection: within this
 * JVM and to an echo process of its own (pinned to CPU 1 where the machine has two). No
 * figure is held to a threshold: it describes the machine.
 */
class KernelPathTest {

	@Test
	void shouldTimeRoundTripsWithinThisProcessAndToAnEchoProcess(@TempDir Path logs) throws Exception {
		String serviceCpus = (Taskset.available() && Runtime.getRuntime().availableProcessors() >= 2) ? "1" : null;
		Calibration calibration = KernelPath.measure(serviceCpus, logs);
		assertThat(calibration.loopbackWithinLoadCpusMicros()).isPositive();
		assertThat(calibration.loopbackToServiceCpusMicros()).isPositive();
		assertThat(logs.resolve("loopback-echo.log")).content().startsWith("port ");
		assertThat(calibration.text()).contains("µs within the load CPU(s)", "µs to the service's");
	}

}
