package dev.loomflux.comparison.ledger;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.scenario.Scenarios;
import dev.loomflux.comparison.ledger.KneeComparison.Outcome;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;
import org.junit.jupiter.api.Test;

import static dev.loomflux.comparison.ledger.Fixtures.open;
import static dev.loomflux.comparison.ledger.Fixtures.openOk;
import static dev.loomflux.comparison.ledger.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class KneeTest {

	@Test
	void shouldFindTheHighestStepMeetingTheObjectivesWhenAHigherOneFails() {
		Knee.Result knee = Knee.of(List.of(openOk(100, 20), openOk(200, 40), openOk(400, 150)), 100);
		assertThat(knee.kind()).isEqualTo(Knee.Kind.REACHED);
		assertThat(knee.rate()).isEqualTo(200);
		assertThat(knee.text()).isEqualTo("200/s");
	}

	@Test
	void shouldReportAKneeNotReachedWhenTheHighestStepMeetsTheObjectives() {
		Knee.Result knee = Knee.of(List.of(openOk(100, 20), openOk(200, 40)), 100);
		assertThat(knee.kind()).isEqualTo(Knee.Kind.NOT_REACHED);
		assertThat(knee.text()).isEqualTo(">= 200/s");
	}

	@Test
	void shouldReportBelowTheLowestStepWhenNoStepMeetsTheObjectives() {
		Knee.Result knee = Knee.of(List.of(openOk(100, 120), openOk(200, 400)), 100);
		assertThat(knee.kind()).isEqualTo(Knee.Kind.BELOW_LOWEST);
		assertThat(knee.rate()).isNull();
		assertThat(knee.text()).isEqualTo("below 100/s");
	}

	@Test
	void shouldFailAStepOnErrorsOrOnThroughputShortOfTheOfferedRate() {
		Step errors = open(100, request("product", 10.0, 0.02, 100));
		Step slow = open(100, request("product", 10.0, 0, 90));
		assertThat(Knee.meets(errors, 100)).isFalse();
		assertThat(Knee.meets(slow, 100)).isFalse();
		assertThat(Knee.meets(openOk(100, 100), 100)).isTrue();
	}

	@Test
	void shouldHoldEveryRequestNameToTheObjective() {
		Step mixed = open(100,
				Map.of("product", Fixtures.stats(500, 0, 50, 10.0), "home", Fixtures.stats(500, 0, 50, 600.0)));
		assertThat(Knee.meets(mixed, 500)).isFalse();
	}

	@Test
	void shouldNotGuessAKneeWhenAP99IsMissing() {
		Step missing = open(100, request("product", null, 0, 100));
		assertThat(Knee.meets(missing, 100)).isNull();
		assertThat(Knee.of(List.of(openOk(50, 10), missing), 100).kind()).isEqualTo(Knee.Kind.NOT_MEASURED);
		assertThat(Knee.of(List.of(), 100).text()).isEqualTo("not measured");
	}

	@Test
	void shouldTakeTheObjectiveFromTheScenario() {
		ScenarioRun run = new ScenarioRun("home-fanout", "loom", 1, null, List.of(openOk(100, 250), openOk(200, 350)),
				List.of(), Map.of(), null);
		double objective = Scenarios.named(run.scenario()).p99ObjectiveMs().orElseThrow();
		assertThat(Knee.acrossRuns(List.of(run), objective).median().rate()).isEqualTo(100);
	}

	@Test
	void shouldSummariseRepeatsAsTheMedianRepeatWithItsRange() {
		Knee.Result low = Knee.of(List.of(openOk(100, 10), openOk(200, 200)), 100);
		Knee.Result mid = Knee.of(List.of(openOk(100, 10), openOk(200, 10), openOk(300, 200)), 100);
		Knee.Result open = Knee.of(List.of(openOk(100, 10), openOk(200, 10), openOk(300, 10)), 100);
		Knee.Summary summary = Knee.acrossRepeats(List.of(open, low, mid));
		assertThat(summary.median().rate()).isEqualTo(200);
		assertThat(summary.text()).isEqualTo("200/s (100/s..>= 300/s)");
	}

	@Test
	void shouldCompareKneesHonestlyAboutKneesNotReached() {
		Knee.Result at1000 = Knee.of(List.of(openOk(1000, 10), openOk(2000, 500)), 100);
		Knee.Result at900 = Knee.of(List.of(openOk(900, 10), openOk(2000, 500)), 100);
		Knee.Result at500 = Knee.of(List.of(openOk(500, 10), openOk(2000, 500)), 100);
		Knee.Result atLeast1000 = Knee.of(List.of(openOk(500, 10), openOk(1000, 10)), 100);
		Knee.Result below500 = Knee.of(List.of(openOk(500, 500)), 100);
		assertThat(KneeComparison.compare(at1000, at900, 0.2)).isEqualTo(Outcome.WITHIN);
		assertThat(KneeComparison.compare(at1000, at500, 0.2)).isEqualTo(Outcome.FIRST_LEADS);
		assertThat(KneeComparison.compare(atLeast1000, at900, 0.2)).isEqualTo(Outcome.UNDETERMINED);
		assertThat(KneeComparison.compare(at500, atLeast1000, 0.2)).isEqualTo(Outcome.SECOND_LEADS);
		assertThat(KneeComparison.compare(atLeast1000, atLeast1000, 0.2)).as("neither limit was found")
			.isEqualTo(Outcome.UNDETERMINED);
		assertThat(KneeComparison.compare(below500, at1000, 0.2)).isEqualTo(Outcome.SECOND_LEADS);
		assertThat(KneeComparison.compare(below500, below500, 0.2)).isEqualTo(Outcome.UNDETERMINED);
	}

}
