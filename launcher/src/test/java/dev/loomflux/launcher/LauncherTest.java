package dev.loomflux.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LauncherTest {

	@TempDir
	Path folder;

	@Test
	void shouldCountTheCpusOfATasksetList() {
		assertThat(Taskset.count(null)).isEqualTo(1);
		assertThat(Taskset.count("1")).isEqualTo(1);
		assertThat(Taskset.count("0-1")).isEqualTo(2);
		assertThat(Taskset.count("1,3")).isEqualTo(2);
		assertThat(Taskset.count("0-1,4")).isEqualTo(3);
	}

	@Test
	void shouldKnowEveryVariantByNameAndCompareAllButTheOneLoopAndJettyByDefault() {
		assertThat(Variant.names()).containsExactly("loom", "platform", "reactive", "reactive-inline",
				"reactive-one-loop", "loom-jetty", "floor-loom", "floor-reactive", "floor-loom-jetty");
		assertThat(Variant.COMPARED).doesNotContain(Variant.REACTIVE_ONE_LOOP, Variant.LOOM_JETTY,
				Variant.FLOOR_LOOM_JETTY);
		assertThat(Variant.named("reactive-one-loop").flags()).containsExactly("-Dreactor.netty.ioWorkerCount=1");
		assertThatIllegalArgumentException().isThrownBy(() -> Variant.named("nope")).withMessageContaining("loom");
	}

	@Test
	void shouldKnowTheFloorOfEachVariantsStack() {
		assertThat(Variant.ALL.stream().filter(Variant::floor)).containsExactly(Variant.FLOOR_LOOM,
				Variant.FLOOR_REACTIVE, Variant.FLOOR_LOOM_JETTY);
		assertThat(Variant.LOOM_JETTY.floorOfItsStack()).isEqualTo(Variant.FLOOR_LOOM_JETTY);
		assertThat(Variant.LOOM.floorOfItsStack()).isEqualTo(Variant.FLOOR_LOOM);
		assertThat(Variant.PLATFORM.floorOfItsStack()).isEqualTo(Variant.FLOOR_LOOM);
		assertThat(Variant.REACTIVE.floorOfItsStack()).isEqualTo(Variant.FLOOR_REACTIVE);
		assertThat(Variant.REACTIVE_INLINE.floorOfItsStack()).isEqualTo(Variant.FLOOR_REACTIVE);
		assertThat(Variant.FLOOR_LOOM.floorOfItsStack()).isEqualTo(Variant.FLOOR_LOOM);
	}

	@Test
	void shouldPassEveryServiceTheSameFlagsAndExitOnOutOfMemory() {
		assertThat(ServiceProcess.JVM_FLAGS).contains("-Xms2g", "-Xmx2g", "-XX:+ExitOnOutOfMemoryError");
	}

	@Test
	void shouldRunAJvmToItsEndWithItsOutputInTheLog() throws Exception {
		Path log = this.folder.resolve("logs/version.log");
		try (JavaProcess java = JavaProcess.start("version", null, List.of("-version"), Map.of(), log)) {
			assertThat(java.await(Duration.ofSeconds(60))).isZero();
		}
		assertThat(Files.readString(log)).contains("version");
	}

	@Test
	void shouldSayWhereTheLogIsWhenAProcessExitsBeforeItIsReady() throws Exception {
		Path log = this.folder.resolve("bad.log");
		try (JavaProcess java = JavaProcess.start("bad", null, List.of("-no-such-flag"), Map.of(), log)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> java.awaitReady("http://127.0.0.1:" + FreePort.next() + "/", Duration.ofSeconds(60)))
				.withMessageContaining("bad exited")
				.withMessageContaining(log.toString());
		}
	}

}
