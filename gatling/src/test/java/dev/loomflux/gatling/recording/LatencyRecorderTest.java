package dev.loomflux.gatling.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyRecorderTest {

	private static final long START = 1_000_000;

	@TempDir
	Path folder;

	private Plan plan() {
		return new Plan("catalog-read", "http://localhost", null,
				List.of(new Plan.Step("100 req/s", 100.0, null, null, 2),
						new Plan.Step("200 req/s", 200.0, null, null, 3)),
				Map.of(), this.folder.resolve("latency.json").toString());
	}

	@Test
	void shouldCountEachResponseInTheStepItsRequestWasSentIn() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		assertThat(recorder.stepIndex(START)).isZero();
		assertThat(recorder.stepIndex(START + 1999)).isZero();
		assertThat(recorder.stepIndex(START + 2000)).isEqualTo(1);
		assertThat(recorder.stepIndex(START + 60_000)).as("stragglers count in the last step").isEqualTo(1);
	}

	@Test
	void shouldGivePercentilesOfSuccessesAndCountFailuresByCause() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		for (int millis = 1; millis <= 100; millis++) {
			recorder.recordOk("product", START + 10, millis * 1000L);
		}
		recorder.recordKo("product", START + 10, "503");
		recorder.recordKo("product", START + 10, "no-response");
		recorder.recordOk("product", START + 2500, 5000);
		LatencyFile summary = recorder.summary();
		RequestStats first = summary.steps().get(0).requests().get("product");
		assertThat(first.ok()).isEqualTo(100);
		assertThat(first.ko()).isEqualTo(2);
		assertThat(first.okPerSecond()).isEqualTo(50.0);
		assertThat(first.p50()).isCloseTo(50.0, within(0.1));
		assertThat(first.p99()).isCloseTo(99.0, within(0.1));
		assertThat(first.max()).isCloseTo(100.0, within(0.1));
		assertThat(first.errors()).containsEntry("503", 1L).containsEntry("no-response", 1L);
		assertThat(summary.steps().get(1).requests().get("product").ok()).isEqualTo(1);
		assertThat(summary.steps().get(1).startMillis()).isEqualTo(START + 2000);
	}

	@Test
	void shouldCountRequestsStillUnansweredAtTheEndAsFailures() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.sent("product", START + 10);
		recorder.sent("product", START + 20);
		recorder.recordOk("product", START + 20, 1000);
		RequestStats stats = recorder.summary().steps().get(0).requests().get("product");
		assertThat(stats.ok()).isEqualTo(1);
		assertThat(stats.ko()).isEqualTo(1);
		assertThat(stats.errors()).containsEntry("unanswered", 1L);
	}

	@Test
	void shouldLeaveLatenciesOutWhenNothingSucceeded() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.recordKo("home", START, "no-response");
		RequestStats stats = recorder.summary().steps().get(0).requests().get("home");
		assertThat(stats.ok()).isZero();
		assertThat(stats.p99()).as("not measured, not zero").isNull();
	}

	@Test
	void shouldWriteWhatTheComparisonReadsBackIncludingAnEarlyStop() throws Exception {
		LatencyRecorder recorder = new LatencyRecorder(plan(), System.currentTimeMillis());
		recorder.recordOk("product", System.currentTimeMillis(), 1500);
		recorder.stop("the service fell 4001 requests behind");
		recorder.write();
		assertThat(Files.exists(this.folder.resolve("latency.json"))).isTrue();
		LatencyFile read = LatencyFile.read(this.folder.resolve("latency.json"));
		assertThat(read.steps()).as("the step that never began is left out").hasSize(1);
		assertThat(read.steps().getFirst().requests().get("product").p50()).isCloseTo(1.5, within(0.01));
		assertThat(read.stopReason()).startsWith("the service fell 4001 requests behind during the 100 req/s step");
	}

}
