package dev.loomflux.comparison;

import java.util.List;

import dev.loomflux.gatling.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ProfileTest {

	private static final List<String> SPEC_SCENARIOS = List.of("catalog-read", "home-fanout", "concurrency-sweep",
			"cpu-neighbour", "orders", "mixed", "connections");

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick", "full" })
	void shouldHaveEveryScenarioOfTheSpecWithASimulationThatExists(String name) throws Exception {
		Profile profile = Profile.load(name);
		// the spec's, and cached-read, the floors' (docs/comparison.md, "The floors"), in
		// every profile but full, which measures the claims within its hour: without
		// cached-read and orders (a correctness check, no claim)
		List<String> leftOut = name.equals("full") ? List.of("orders") : List.of();
		assertThat(profile.scenarios().keySet().stream().filter((scenario) -> !scenario.equals("cached-read")))
			.containsExactlyElementsOf(
					SPEC_SCENARIOS.stream().filter((scenario) -> !leftOut.contains(scenario)).toList());
		assertThat(profile.scenarios().containsKey("cached-read")).isEqualTo(!name.equals("full"));
		profile.scenarios().values().forEach((scenario) -> {
			assertThatCode(() -> Class.forName("dev.loomflux.gatling.simulations." + scenario.simulation()))
				.doesNotThrowAnyException();
			assertThat(scenario.labelledSteps()).allSatisfy((step) -> {
				assertThat(step.label()).isNotBlank();
				assertThat(step.seconds()).isPositive();
			});
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick", "full" })
	void shouldMeasureTheCostPerRequestAtOneOfTheScenariosOwnRates(String name) throws Exception {
		for (Profile.Scenario scenario : Profile.load(name).scenarios().values()) {
			if (scenario.efficiencyRate() != null) {
				List<Double> rates = scenario.steps().stream().map(Plan.Step::offeredRate).toList();
				assertThat(rates).as(scenario.simulation()).contains(scenario.efficiencyRate());
			}
		}
	}

	@Test
	void shouldMeasureTheFullProfilesCostPerRequestAboveItsLowestStep() throws Exception {
		for (String name : List.of("catalog-read", "home-fanout", "mixed")) {
			Profile.Scenario scenario = Profile.load("full").scenarios().get(name);
			double lowest = scenario.steps().stream().mapToDouble(Plan.Step::offeredRate).min().orElseThrow();
			assertThat(scenario.efficiencyRate()).as(name).isGreaterThan(lowest);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick", "full" })
	void shouldNeverAskLoopingUsersToDecrease(String name) throws Exception {
		for (Profile.Scenario scenario : Profile.load(name).scenarios().values()) {
			List<Integer> closed = scenario.steps()
				.stream()
				.map((step) -> (step.concurrency() != null) ? step.concurrency() : step.background())
				.filter(java.util.Objects::nonNull)
				.toList();
			assertThat(closed).isSorted();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick", "full" })
	void shouldRepeatTheFullProfileInBothOrders(String name) throws Exception {
		Profile profile = Profile.load(name);
		// ABBA: the variants as listed, then reversed, so each runs once early and once
		// late
		assertThat(profile.repeats()).isGreaterThanOrEqualTo(name.equals("full") ? 2 : 1);
		assertThat(profile.warmup().steadyRounds()).isGreaterThanOrEqualTo(2);
		assertThat(profile.warmup().scenarioMaxSeconds()).as("time for a warm JVM to show it is steady")
			.isGreaterThanOrEqualTo(profile.warmup().steadyRounds() * profile.warmup().roundSeconds());
		assertThat(new Profile.Scenario("X", null, null, List.of(new Plan.Step(null, 2000.0, null, null, 3)), null,
				null, null)
			.labelledSteps()
			.getFirst()
			.label()).isEqualTo("2000 req/s");
	}

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick", "full" })
	void shouldWithholdVerdictsInTheSmokeProfileOnly(String name) throws Exception {
		assertThat(Profile.load(name).verdicts()).isEqualTo(!name.equals("smoke"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick", "full" })
	void shouldMeasureBothModelsByDefault(String name) throws Exception {
		List<String> variants = Profile.load(name).variants();
		assertThat(variants).contains("loom", "reactive").doesNotHaveDuplicates();
		assertThat(dev.loomflux.launcher.Variant.names()).containsAll(variants);
		if (name.equals("full")) {
			assertThat(variants).as("full compares every variant but the opt-in one")
				.isEqualTo(dev.loomflux.launcher.Variant.COMPARED.stream()
					.map(dev.loomflux.launcher.Variant::name)
					.toList());
		}
	}

	@Test
	void shouldRunEveryScenarioOfTheSmokeProfileOnceInOneStep() throws Exception {
		Profile smoke = Profile.load("smoke");
		assertThat(smoke.repeats()).isOne();
		assertThat(smoke.scenarios().values()).allSatisfy((scenario) -> assertThat(scenario.steps()).hasSize(1));
	}

}
