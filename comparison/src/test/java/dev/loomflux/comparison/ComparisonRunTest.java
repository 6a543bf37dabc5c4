package dev.loomflux.comparison;

import java.util.List;

import dev.loomflux.launcher.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonRunTest {

	private static final List<String> VARIANTS = List.of("loom", "platform", "reactive", "reactive-inline");

	@Test
	void shouldAlternateTheVariantOrderFromOneRepeatToTheNext() {
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 1)).containsExactly("loom", "platform", "reactive",
				"reactive-inline");
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 2)).containsExactly("reactive-inline", "reactive", "platform",
				"loom");
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 3)).containsExactly("loom", "platform", "reactive",
				"reactive-inline");
		assertThat(ComparisonRun.inRepeatOrder(VARIANTS, 4)).containsExactly("reactive-inline", "reactive", "platform",
				"loom");
	}

	@Test
	void shouldGiveEveryVariantTheSameAverageSlotOverTwoRepeats() {
		for (String variant : VARIANTS) {
			int slots = ComparisonRun.inRepeatOrder(VARIANTS, 1).indexOf(variant)
					+ ComparisonRun.inRepeatOrder(VARIANTS, 2).indexOf(variant);
			assertThat(slots).as(variant).isEqualTo(VARIANTS.size() - 1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "smoke", "quick" })
	void shouldRunEveryScenarioWithEveryServiceAndOnlyTheCachedReadsWithTheFloors(String name) throws Exception {
		Profile profile = Profile.load(name);
		List<String> scenarios = List.copyOf(profile.scenarios().keySet());
		ComparisonRun run = new ComparisonRun(name, profile, null, Variant.COMPARED, scenarios, null, null, null);

		for (Variant service : List.of(Variant.LOOM, Variant.PLATFORM, Variant.REACTIVE, Variant.REACTIVE_INLINE)) {
			assertThat(run.scenariosOf(service)).as(service.name()).isEqualTo(scenarios);
		}
		assertThat(run.scenariosOf(Variant.FLOOR_LOOM)).containsExactly("cached-read");
		assertThat(run.scenariosOf(Variant.FLOOR_REACTIVE)).containsExactly("cached-read");
		assertThat(profile.scenarios().get("cached-read").simulation()).isEqualTo("CachedReadSimulation");
	}

	@Test
	void shouldStartNoFloorInAFullRun() throws Exception {
		Profile profile = Profile.load("full");
		List<String> scenarios = List.copyOf(profile.scenarios().keySet());
		ComparisonRun run = new ComparisonRun("full", profile, null, Variant.COMPARED, scenarios, null, null, null);

		assertThat(run.scenariosOf(Variant.LOOM)).isEqualTo(scenarios);
		assertThat(run.scenariosOf(Variant.FLOOR_LOOM)).isEmpty();
		assertThat(run.scenariosOf(Variant.FLOOR_REACTIVE)).isEmpty();
	}

	@Test
	void shouldStartNoFloorForARunWithoutTheCachedReads() throws Exception {
		Profile profile = Profile.load("full");
		ComparisonRun run = new ComparisonRun("full", profile, null, Variant.COMPARED, List.of("home-fanout", "mixed"),
				null, null, null);

		assertThat(run.scenariosOf(Variant.FLOOR_LOOM)).isEmpty();
		assertThat(run.scenariosOf(Variant.LOOM)).containsExactly("home-fanout", "mixed");
	}

}
