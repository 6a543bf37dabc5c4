package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceUnderTestTest {

	@Test
	void shouldLogEveryGcPauseBesideTheServicesLogInAFormTheJvmTakes(@TempDir Path dir) throws Exception {
		Path serviceLog = dir.resolve("loom-2.log");
		List<String> flags = ServiceUnderTest.gcLog(serviceLog);
		assertThat(flags)
			.containsExactly("-Xlog:gc,safepoint:file=" + dir.resolve("loom-2.gc.log") + ":time,uptime,tags");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
		command.addAll(flags);
		command.addAll(List.of("-XX:+UseG1GC", "-version"));
		Process jvm = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(jvm.exitValue()).as("the JVM accepts the flag").isZero();
		assertThat(Files.readString(dir.resolve("loom-2.gc.log"))).contains("Using G1");
	}

	@Test
	void shouldLeaveOutAGcLogWhosePathTheFlagCannotCarry() {
		assertThat(ServiceUnderTest.gcLog(Path.of("/results/a:b/logs/loom.log"))).isEmpty();
	}

}
