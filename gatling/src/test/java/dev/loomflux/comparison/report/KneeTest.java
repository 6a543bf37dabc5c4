package dev.loomflux.comparison.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.loomflux.comparison.results.RequestStats;
import dev.loomflux.comparison.results.Step;

import static org.assertj.core.api.Assertions.assertThat;

class KneeTest {

	@Test
	void shouldPickTheHighestStepThatMeetsEveryObjective() {
		List<Step> steps = List.of(step(1000, 1000, 0, 20), step(2000, 2000, 0, 60), step(4000, 3000, 0, 400));

		Knee knee = Knee.of("catalog-read", steps).orElseThrow();

		assertThat(knee.step().offeredRate()).isEqualTo(2000);
		assertThat(knee.highestStep()).isFalse();
		assertThat(knee.label()).isEqualTo("2,000 req/s");
	}

	@Test
	void shouldRejectAStepWithOnePercentErrors() {
		Step oneInAHundredFailed = step(2000, 1980, 20, 10);

		assertThat(Knee.meets(oneInAHundredFailed, 100)).isFalse();
		assertThat(Knee.meets(step(2000, 1990, 19, 10), 100)).isTrue();
	}

	@Test
	void shouldRejectAStepBelow95PercentOfTheOfferedRate() {
		assertThat(Knee.meets(step(1000, 949, 0, 10), 100)).isFalse();
		assertThat(Knee.meets(step(1000, 950, 0, 10), 100)).isTrue();
	}

	@Test
	void shouldRejectAStepWhereAnyRequestNameMissesTheP99Objective() {
		Step step = new Step("1000 req/s", 1000.0, null, null, 30,
				Map.of("product", stats(700, 0, 20.0), "product-page", stats(300, 0, 101.0)), null);

		assertThat(Knee.meets(step, 100)).isFalse();
	}

	@Test
	void shouldRejectAStepWithoutAnyP99() {
		Step step = new Step("1000 req/s", 1000.0, null, null, 30, Map.of("product", stats(1000, 0, null)), null);

		assertThat(Knee.meets(step, 100)).isFalse();
	}

	@Test
	void shouldSayBelowTheLowestStepWhenNoStepMeetsTheObjectives() {
		Knee knee = Knee.of("home-fanout", List.of(step(200, 200, 0, 350), step(400, 400, 0, 900))).orElseThrow();

		assertThat(knee.step()).isNull();
		assertThat(knee.label()).isEqualTo("below the lowest step");
	}

	@Test
	void shouldReportAtLeastTheHighestStepWhenTheLoadNeverReachedTheKnee() {
		Knee knee = Knee.of("mixed", List.of(step(200, 200, 0, 100), step(400, 400, 0, 120))).orElseThrow();

		assertThat(knee.highestStep()).isTrue();
		assertThat(knee.label()).isEqualTo(">= 400 req/s");
	}

	@Test
	void shouldTakeTheHighestMeetingStepEvenAfterAMissedOne() {
		Knee knee = Knee.of("catalog-read", List.of(step(1000, 1000, 0, 150), step(2000, 2000, 0, 50))).orElseThrow();

		assertThat(knee.step().offeredRate()).isEqualTo(2000);
	}

	@Test
	void shouldHaveNoKneeForScenariosWithoutAnObjective() {
		assertThat(Knee.of("orders", List.of(step(100, 100, 0, 10)))).isEmpty();
		assertThat(Knee.of("catalog-read", List.of())).isEmpty();
	}

	@Test
	void shouldTakeTheLowerMedianOfTheRepeats() {
		Knee below = new Knee(null, false);
		Knee at2000 = new Knee(step(2000, 2000, 0, 10), false);
		Knee at4000 = new Knee(step(4000, 4000, 0, 10), true);

		assertThat(Knee.median(List.of(at4000, below, at2000))).isEqualTo(at2000);
		assertThat(Knee.median(List.of(at4000, below))).isEqualTo(below);
	}

	private static Step step(double offered, long okPerSecond, long ko, Double p99) {
		return new Step(offered + " req/s", offered, null, null, 1,
				Map.of("product", new RequestStats(okPerSecond, ko, okPerSecond, 1.0, 2.0, p99, p99, p99, Map.of())),
				null);
	}

	private static Step step(double offered, long okPerSecond, long ko, double p99) {
		return step(offered, okPerSecond, ko, Double.valueOf(p99));
	}

	private static RequestStats stats(long ok, long ko, Double p99) {
		return new RequestStats(ok, ko, ok, 1.0, 2.0, p99, p99, p99, Map.of());
	}

}
