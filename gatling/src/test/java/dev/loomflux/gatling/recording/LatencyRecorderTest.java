package dev.loomflux.gatling.recording;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyRecorderTest {

	private static final long START = 1_000_000;

	@TempDir
	Path folder;

	private Plan plan() {
		return plan(this.folder);
	}

	/**
	 * Two open steps, 2 s at 100 req/s and 3 s at 200 req/s, writing into {@code folder}.
	 */
	static Plan plan(Path folder) {
		return new Plan("catalog-read", "http://localhost", null,
				List.of(new Plan.Step("100 req/s", 100.0, null, null, 2),
						new Plan.Step("200 req/s", 200.0, null, null, 3)),
				Map.of(), folder.resolve("latency.json").toString());
	}

	@Test
	void shouldCountEachResponseInTheStepItsTimingStartsIn() {
		Plan plan = plan();
		assertThat(plan.stepAt(0)).isZero();
		assertThat(plan.stepAt(-5)).as("a moment before the start").isZero();
		assertThat(plan.stepAt(1999)).isZero();
		assertThat(plan.stepAt(2000)).isEqualTo(1);
		assertThat(plan.stepAt(60_000)).as("stragglers count in the last step").isEqualTo(1);
	}

	@Test
	void shouldGivePercentilesOfSuccessesAndOfEveryRequestAndCountFailuresByCause() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		for (int millis = 1; millis <= 98; millis++) {
			recorder.recordOk("product", 10, millis * 1000L);
		}
		// two failures slower than every success: a 503 after 2 s, a timeout at 10 s
		recorder.recordKo("product", 10, 2_000_000, "503");
		recorder.recordKo("product", 10, 10_000_000, "no-response");
		recorder.recordOk("product", 2500, 5000);
		LatencyFile summary = recorder.summary();
		RequestStats first = summary.steps().get(0).requests().get("product");
		assertThat(first.ok()).isEqualTo(98);
		assertThat(first.ko()).isEqualTo(2);
		assertThat(first.okPerSecond()).isEqualTo(49.0);
		assertThat(first.p50()).isCloseTo(49.0, within(0.1));
		assertThat(first.p99()).as("successes only").isCloseTo(98.0, within(0.1));
		assertThat(first.allP99()).as("the failures are the slowest 2 %").isCloseTo(2000.0, within(2.0));
		assertThat(first.max()).isCloseTo(98.0, within(0.1));
		assertThat(first.errors()).containsEntry("503", 1L).containsEntry("no-response", 1L);
		assertThat(summary.steps().get(1).requests().get("product").ok()).isEqualTo(1);
		assertThat(summary.steps().get(1).startMillis()).isEqualTo(START + 2000);
	}

	@Test
	void shouldCountRequestsStillUnansweredAtTheEndAsFailuresSlowerThanEveryAnswer() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.sent("product", 10, null);
		recorder.sent("product", 20, null);
		recorder.recordOk("product", 20, 1000);
		RequestStats stats = recorder.summary().steps().get(0).requests().get("product");
		assertThat(stats.ok()).isEqualTo(1);
		assertThat(stats.ko()).isEqualTo(1);
		assertThat(stats.errors()).containsEntry("unanswered", 1L);
		assertThat(stats.allP99()).isGreaterThan(1000.0 * 3600 * 0.99);
	}

	@Test
	void shouldLeaveSuccessLatenciesOutWhenNothingSucceeded() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.recordKo("home", 0, 30_000, "no-response");
		RequestStats stats = recorder.summary().steps().get(0).requests().get("home");
		assertThat(stats.ok()).isZero();
		assertThat(stats.p99()).as("not measured, not zero").isNull();
		assertThat(stats.allP99()).isCloseTo(30.0, within(0.1));
	}

	@Test
	void shouldCompareTheScheduledRequestsSentWithThosePlannedPerStep() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.plan(Schedule.of(List.of(constantUsersPerSec(100).during(2), constantUsersPerSec(200).during(3))));
		for (int i = 0; i < 150; i++) {
			recorder.sent("product", 10 * i, (i < 100) ? 1000L : 30_000L);
		}
		// a retry waits for an answer by design: sent, but not in the plan
		recorder.sent("product-retry", 100, null);
		LatencyFile summary = recorder.summary();
		LatencyFile.LoadGeneratorFigures first = summary.steps().get(0).loadGenerator();
		assertThat(first.planned()).isEqualTo(200);
		assertThat(first.sent()).isEqualTo(150);
		assertThat(first.sendLatenessP99Ms()).isCloseTo(30.0, within(0.1));
		assertThat(first.cpuShare()).as("not measured in this test").isNull();
		assertThat(summary.steps().get(1).loadGenerator().planned()).isEqualTo(600);
		assertThat(summary.steps().get(1).loadGenerator().sent()).isZero();
	}

	@Test
	void shouldPlanOnlyTheUsersDueBeforeTheRunStopped() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.plan(Schedule.of(List.of(constantUsersPerSec(100).during(2), constantUsersPerSec(200).during(3))));
		recorder.stop("the service fell 4001 requests behind", 1500);
		LatencyFile summary = recorder.summary();
		assertThat(summary.steps()).hasSize(1);
		assertThat(summary.steps().getFirst().loadGenerator().planned())
			.as("a collapse stopped the run, not the load generator")
			.isEqualTo(150);
	}

	@Test
	void shouldCountEveryRequestSentWithoutASchedule() {
		LatencyRecorder recorder = new LatencyRecorder(plan(), START);
		recorder.sent("home", 10, null);
		recorder.sent("home", 2100, null);
		recorder.sent("home", 2200, null);
		LatencyFile summary = recorder.summary();
		assertThat(summary.steps().get(1).loadGenerator().planned()).isNull();
		assertThat(summary.steps().get(1).loadGenerator().sent()).isEqualTo(2);
		assertThat(summary.steps().get(1).loadGenerator().sendLatenessP99Ms()).isNull();
	}

	@Test
	void shouldWriteWhatTheComparisonReadsBackIncludingAnEarlyStop() throws Exception {
		LatencyRecorder recorder = new LatencyRecorder(plan(), System.currentTimeMillis());
		recorder.recordOk("product", 100, 1500);
		recorder.stop("the service fell 4001 requests behind", 1500);
		recorder.write();
		assertThat(Files.exists(this.folder.resolve("latency.json"))).isTrue();
		LatencyFile read = LatencyFile.read(this.folder.resolve("latency.json"));
		assertThat(read.steps()).as("the step that never began is left out").hasSize(1);
		assertThat(read.steps().getFirst().requests().get("product").p50()).isCloseTo(1.5, within(0.01));
		assertThat(read.steps().getFirst().loadGenerator().sent()).isZero();
		assertThat(read.stopReason()).startsWith("the service fell 4001 requests behind during the 100 req/s step");
	}

}
