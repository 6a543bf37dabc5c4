package dev.loomflux.gatling.recording;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.loomflux.gatling.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatencyFilesTest {

	private static final long START = 1_000_000;

	@TempDir
	Path folder;

	private Plan plan() {
		return LatencyRecorderTest.plan(this.folder);
	}

	@Test
	void shouldMergeIntoWhatOneRecorderOfEveryRequestWouldHaveWritten() throws Exception {
		LatencyRecorder first = new LatencyRecorder(plan(), START);
		LatencyRecorder second = new LatencyRecorder(plan(), START + 3);
		LatencyRecorder both = new LatencyRecorder(plan(), START);
		SplittableRandom random = new SplittableRandom(42);
		// two generators with different latencies (the second slower), so that no
		// average of their percentiles could give the merged ones
		for (int request = 0; request < 5_000; request++) {
			boolean toSecond = random.nextBoolean();
			long at = random.nextLong(5_000);
			long micros = toSecond ? 2_000 + random.nextLong(80_000) : 500 + random.nextLong(4_000);
			LatencyRecorder one = toSecond ? second : first;
			if (random.nextInt(100) == 0) {
				one.recordKo("product", at, 10_000_000, "no-response");
				both.recordKo("product", at, 10_000_000, "no-response");
			}
			else {
				one.recordOk(toSecond ? "product" : "product-page", at, micros);
				both.recordOk(toSecond ? "product" : "product-page", at, micros);
			}
		}
		first.summary().write(this.folder.resolve("first.json"));
		second.summary().write(this.folder.resolve("second.json"));

		LatencyFile merged = LatencyFiles.merge(List.of(LatencyFile.read(this.folder.resolve("first.json")),
				LatencyFile.read(this.folder.resolve("second.json"))));

		LatencyFile expected = both.summary();
		assertThat(merged.steps()).hasSize(2);
		for (int step = 0; step < 2; step++) {
			assertThat(merged.steps().get(step).requests()).as("step %d", step)
				.isEqualTo(expected.steps().get(step).requests());
		}
		assertThat(merged.startedAtMillis()).isEqualTo(START);
	}

	@Test
	void shouldSumWhatTheGeneratorsPlannedAndSentAndKeepTheWorstLateness() {
		LatencyFile.StepFigures a = step(new LatencyFile.LoadGeneratorFigures(100L, 99, 3.0, 0.4));
		LatencyFile.StepFigures b = step(new LatencyFile.LoadGeneratorFigures(100L, 100, 7.5, 0.2));

		LatencyFile merged = LatencyFiles
			.merge(List.of(new LatencyFile("x", 0, List.of(a), null), new LatencyFile("x", 0, List.of(b), null)));

		assertThat(merged.steps().getFirst().loadGenerator())
			.isEqualTo(new LatencyFile.LoadGeneratorFigures(200L, 199, 7.5, 0.4));
	}

	@Test
	void shouldRefuseFilesItCannotMergeExactly() {
		LatencyFile.StepFigures old = new LatencyFile.StepFigures(new Plan.Step("1 req/s", 1.0, null, null, 1), 0, 1000,
				Map.of(), null);
		LatencyFile withHistograms = new LatencyFile("x", 0, List.of(step(null)), null);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> LatencyFiles.merge(List.of(withHistograms, new LatencyFile("x", 0, List.of(old), null))))
			.withMessageContaining("without histograms");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LatencyFiles.merge(List.of(withHistograms, new LatencyFile("y", 0, List.of(), null))))
			.withMessageContaining("different scenarios");
	}

	@Test
	void shouldShareAPlanAmongGeneratorsWithoutLosingAUser() {
		Plan plan = new Plan("connections", "http://localhost", "closed-steps",
				List.of(new Plan.Step("5 in flight", null, 5, null, 1), new Plan.Step("9 req/s", 9.0, null, null, 1)),
				Map.of(), "latency.json");

		List<Plan> shares = List.of(plan.share(0, 2, "a.json"), plan.share(1, 2, "b.json"));

		assertThat(shares).extracting((share) -> share.steps().getFirst().concurrency()).containsExactly(3, 2);
		assertThat(shares).extracting((share) -> share.steps().get(1).offeredRate()).containsExactly(4.5, 4.5);
		assertThat(shares).extracting(Plan::output).containsExactly("a.json", "b.json");
	}

	private static LatencyFile.StepFigures step(LatencyFile.LoadGeneratorFigures loadGenerator) {
		return new LatencyFile.StepFigures(new Plan.Step("1 req/s", 1.0, null, null, 1), 0, 1000, Map.of(),
				loadGenerator, Map.of());
	}

}
