package dev.loomflux.gatling.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.Plan;
import org.junit.jupiter.api.Test;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

	@Test
	void shouldGiveEachUserGatlingsOffsetInStartOrder() {
		Schedule schedule = Schedule
			.of(List.of(constantUsersPerSec(100).during(2), constantUsersPerSec(400).during(1)));
		List<Long> offsets = new ArrayList<>();
		long offset;
		while ((offset = schedule.nextOffsetNanos()) >= 0) {
			offsets.add(offset / 1_000_000);
		}
		assertThat(offsets).hasSize(600);
		assertThat(offsets).isSorted();
		// 100/s: one user every 10 ms; then 400/s from 2 s on
		assertThat(offsets.subList(0, 3)).containsExactly(0L, 10L, 20L);
		assertThat(offsets.get(200)).isEqualTo(2000L);
		assertThat(offsets.getLast()).isBetween(2990L, 2999L);
	}

	@Test
	void shouldCountThePlannedUsersOfEachStep() {
		Plan plan = new Plan("catalog-read", "http://localhost", null, List
			.of(new Plan.Step("warm-up", 50.0, null, null, 2), new Plan.Step("250 req/s", 250.0, null, null, 3)),
				Map.of(), "unused");
		Schedule schedule = Schedule.of(List.of(constantUsersPerSec(50).during(2), constantUsersPerSec(250).during(3)));
		assertThat(schedule.plannedPerStep(plan, Long.MAX_VALUE)).containsExactly(100, 750);
		assertThat(schedule.plannedPerStep(plan, 2500)).as("a run stopped at 2.5 s").containsExactly(100, 125);
	}

}
