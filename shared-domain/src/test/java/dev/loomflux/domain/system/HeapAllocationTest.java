package dev.loomflux.domain.system;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HeapAllocationTest {

	@Test
	void shouldCountWhatAVirtualThreadAllocates() throws InterruptedException {
		assumeTrue(HeapAllocation.available(), "this JVM does not count allocation per thread");
		long before = HeapAllocation.totalBytes().getAsLong();
		List<byte[]> kept = new ArrayList<>();
		Thread.ofVirtual().start(() -> {
			for (int i = 0; i < 64; i++) {
				kept.add(new byte[1024 * 1024]);
			}
		}).join();
		long after = HeapAllocation.totalBytes().getAsLong();
		assertThat(kept).hasSize(64);
		assertThat(after - before).isGreaterThanOrEqualTo(64L * 1024 * 1024);
	}

}
