package dev.loomflux.microbench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MicrobenchCommandTests {

	@Test
	void shouldWriteEveryKindInTheShapeTheComparisonReads(@TempDir Path dir) {
		Path out = dir.resolve("nested/microbenchmarks.json");

		int exit = MicrobenchCommand.commandLine().execute("--out", out.toString(), "--profile", "smoke");

		assertThat(exit).isZero();
		JsonNode json = Json.MAPPER.readTree(out.toFile());
		assertThat(json.propertyNames()).containsExactly("handoffs", "parked", "conditions", "failure");
		assertThat(json.get("failure").isNull()).isTrue();
		assertThat(json.get("conditions").asString()).contains("JMH 1.37", "N=1000", "JDK 25");
		assertThat(json.get("handoffs").valueStream().map((handoff) -> handoff.get("kind").asString()))
			.containsExactly("virtual-thread", "platform-thread", "reactor");
		json.get("handoffs").forEach((handoff) -> {
			assertThat(handoff.propertyNames()).containsExactly("kind", "nsPerHandoff", "error");
			assertThat(handoff.get("nsPerHandoff").asDouble()).isPositive();
		});
		assertThat(json.get("parked").valueStream().map((parked) -> parked.get("kind").asString()))
			.containsExactly("virtual-thread", "platform-thread", "reactor-pending");
		json.get("parked").forEach((parked) -> {
			assertThat(parked.propertyNames()).containsExactly("kind", "count", "heapBytesPerTask", "rssBytesPerTask");
			assertThat(parked.get("count").asInt()).isEqualTo(1_000);
			assertThat(parked.get("heapBytesPerTask").asDouble()).isPositive();
		});
	}

	@Test
	void shouldRefuseToRunWithoutAnOutputFile() {
		assertThat(MicrobenchCommand.commandLine().execute("--profile", "quick")).isEqualTo(2);
	}

}
