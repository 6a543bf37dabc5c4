package dev.loomflux.comparison.footprint;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory per task: the difference, over the tasks the service counted, not those asked.
 */
class TaskFootprintTest {

	private static final double MIB = 1024 * 1024;

	@Test
	void shouldDivideTheDifferenceByTheTasksTheServiceHeld() {
		TaskFootprint row = new TaskFootprint("loom", "price stream", 10_000, 8_000, 0, 0, 100 * MIB, 200 * MIB,
				300 * MIB, 340 * MIB, 500 * MIB, 700 * MIB, null);

		assertThat(row.liveHeapPerTask()).isEqualTo(100 * MIB / 8_000);
		assertThat(row.outsideHeapRssPerTask()).isEqualTo(40 * MIB / 8_000);
		assertThat(row.rssPerTask()).isEqualTo(200 * MIB / 8_000);
	}

	@Test
	void shouldMeasureNothingPerTaskWhenTheServiceHeldNone() {
		TaskFootprint row = new TaskFootprint("reactive", "home request", 10, 0, 10, 0, MIB, MIB, MIB, MIB, MIB, MIB,
				"every request answered early");

		assertThat(row.liveHeapPerTask()).isNaN();
		assertThat(TaskFootprint.table(List.of(row))).contains("| reactive | home request | 0 (10) | not measured |")
			.contains("| 10, 0 | every request answered early |");
	}

	@Test
	void shouldPrintOneRowPerMeasurement() {
		TaskFootprint row = new TaskFootprint("loom", "price stream", 10_000, 10_000, 0, 2, 100 * MIB, 110 * MIB,
				300 * MIB, 310 * MIB, 500 * MIB, 520 * MIB, null);

		assertThat(TaskFootprint.table(List.of(row, row)).lines()).hasSize(4);
		assertThat(TaskFootprint.table(List.of(row))).contains(
				"| loom | price stream | 10,000 (10,000) | 1.0 KiB | 1.0 KiB | 2.0 KiB | 100.0 MiB → 110.0 MiB | 0, 2 |  |");
	}

}
