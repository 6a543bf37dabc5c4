package dev.loomflux.domain.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessMemoryTest {

	@Test
	void shouldReportAResidentSetAtLeastAsLargeAsTheUsedHeap() {
		assumeTrue(ProcessMemory.available(), "no /proc/self/status on this platform");
		Runtime runtime = Runtime.getRuntime();
		long usedHeap = runtime.totalMemory() - runtime.freeMemory();
		assertThat(ProcessMemory.residentSetBytes()).isPresent();
		assertThat(ProcessMemory.residentSetBytes().getAsLong()).isGreaterThan(usedHeap);
	}

}
