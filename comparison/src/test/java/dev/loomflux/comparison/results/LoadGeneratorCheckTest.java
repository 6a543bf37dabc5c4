package dev.loomflux.comparison.results;

import dev.loomflux.gatling.recording.LatencyFile.LoadGeneratorFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorCheckTest {

	@Test
	void shouldPassAStepTheLoadGeneratorKeptTo() {
		LoadGeneratorCheck check = LoadGeneratorCheck.of(new LoadGeneratorFigures(1000L, 980, 10.0, 0.9));
		assertThat(check.problem()).isNull();
		assertThat(check.planned()).isEqualTo(1000);
		assertThat(check.sent()).isEqualTo(980);
		assertThat(new Step("1000 req/s", 1000.0, null, null, 1, null, null, check, null).invalidReason()).isNull();
	}

	@Test
	void shouldSayWhichLimitAStepBrokeWithItsFigures() {
		assertThat(LoadGeneratorCheck.of(new LoadGeneratorFigures(1000L, 979, 1.0, 0.5)).problem())
			.isEqualTo("load generator limit: sent 979 of 1000 planned requests (97.9 %, below 98 %)");
		// lateness alone is judged by the knee, against the step's objective
		assertThat(LoadGeneratorCheck.of(new LoadGeneratorFigures(1000L, 1000, 250.0, 0.5)).problem()).isNull();
		assertThat(LoadGeneratorCheck.of(new LoadGeneratorFigures(1000L, 1000, 1.0, 0.95)).problem())
			.isEqualTo("load generator limit: its CPU 0.95 of its cores (above 0.90)");
		LoadGeneratorCheck all = LoadGeneratorCheck.of(new LoadGeneratorFigures(1000L, 500, 250.0, 0.99));
		assertThat(all.problem()).contains("sent 500 of 1000").contains("CPU 0.99");
		assertThat(new Step("1000 req/s", 1000.0, null, null, 1, null, null, all, null).invalidReason())
			.isEqualTo(all.problem());
	}

	@Test
	void shouldCheckOnlyTheCpuOfAClosedStepWhichHasNoSchedule() {
		assertThat(LoadGeneratorCheck.of(new LoadGeneratorFigures(null, 12, null, 0.3)).problem()).isNull();
		assertThat(LoadGeneratorCheck.of(new LoadGeneratorFigures(null, 12, null, 0.97)).problem())
			.startsWith("load generator limit: its CPU 0.97");
	}

	@Test
	void shouldLeaveAStepFromAnOlderRecorderUnchecked() {
		assertThat(LoadGeneratorCheck.of(null)).isNull();
	}

}
