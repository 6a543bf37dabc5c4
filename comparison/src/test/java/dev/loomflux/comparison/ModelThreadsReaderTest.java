package dev.loomflux.comparison;

import java.util.List;
import java.util.concurrent.Executors;

import dev.loomflux.comparison.results.Manifest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelThreadsReaderTest {

	@Test
	void shouldCountReactorNettysEventLoopThreadsByTheirCutName() {
		assertThat(ModelThreadsReader.eventLoopThreads(
				List.of("java", "reactor-http-ni", "reactor-http-ni", "lettuce-eventEx", "ForkJoinPool-1-")))
			.isEqualTo(2);
		assertThat(ModelThreadsReader.eventLoopThreads(List.of("java", "http-nio-8081-e"))).isZero();
		assertThat(ModelThreadsReader.eventLoopThreads(null)).isNull();
	}

	@Test
	void shouldReadTheSchedulersParallelismFromJcmd() {
		assertThat(ModelThreadsReader.parallelism("19631:\njava.util.concurrent.ForkJoinPool@64c5ebcb[Running, "
				+ "parallelism = 2, size = 2, active = 1, running = 0, steals = 16, tasks = 0, submissions = 0]"))
			.isEqualTo(2);
		assertThat(ModelThreadsReader.parallelism("19631: Unknown diagnostic command")).isNull();
	}

	@Test
	void shouldReadTheCarrierParallelismOfARunningJvm() throws Exception {
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			executor.submit(() -> null).get();
		}

		Manifest.ModelThreads threads = ModelThreadsReader.read(ProcessHandle.current().pid());

		assertThat(threads.carrierThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(threads.eventLoopThreads()).isZero();
	}

}
