package dev.loomflux.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class StartupTimesTest {

	@TempDir
	Path folder;

	@Test
	void shouldSummariseOddAndEvenCountsByMinMedianAndMax() {
		assertThat(StartupTimes.Summary.of(List.of(900L, 300L, 500L)))
			.isEqualTo(new StartupTimes.Summary(300, 500.0, 900, 3));
		assertThat(StartupTimes.Summary.of(List.of(1002L, 700L, 1001L, 4000L)))
			.isEqualTo(new StartupTimes.Summary(700, 1001.5, 4000, 4));
		assertThat(StartupTimes.Summary.of(List.of(42L))).isEqualTo(new StartupTimes.Summary(42, 42.0, 42, 1));
	}

	@Test
	void shouldReadSpringsStartedLineAndNothingElse() {
		String log = """
				2026-12-03T12:00:01.000Z  INFO 1 --- [main] o.s.b.w.e.netty.NettyWebServer : Netty started on port 9190
				2026-12-03T12:00:02.000Z  INFO 1 --- [main] d.l.d.DownstreamApplication : Started DownstreamApplication in 4.567 seconds (process running for 5.1)
				""";
		assertThat(StartupTimes.startedSeconds(log)).isEqualTo(4.567);
		assertThat(StartupTimes.startedSeconds("no such line")).isNaN();
	}

	@Test
	void shouldReadUserAndSystemTicksAfterTheCommandName() {
		// a thread name with spaces and a bracket: fields are counted from the last ')'
		String stat = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0";
		assertThat(StartupTimes.cpuSeconds(stat)).isEqualTo(3.0);
	}

	@Test
	void shouldMeasureARealStartOfTheStub() throws Exception {
		Path root = Path.of("").toAbsolutePath().getParent();
		Path target = root.resolve("downstream/target");
		assumeThat(Files.isDirectory(target)).as("the stub is built (downstream/target)").isTrue();
		Path jar = Jars.of(root, "downstream");
		StartupTimes.Start start = StartupTimes.measure(new ServiceProcess.Launch("downstream", jar, List.of(), null,
				Map.of(), this.folder.resolve("downstream.log")));
		assertThat(start.readyMillis()).isPositive();
		assertThat(start.startedSeconds()).isPositive();
		assertThat(start.cpuSeconds()).isPositive();
		assertThat(start.mainSeconds()).isPositive().isLessThanOrEqualTo(start.cpuSeconds());
	}

}
