package dev.loomflux.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.Plan;
import dev.loomflux.launcher.Variant;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A profile of the comparison run ({@code profiles/smoke.yaml},
 * {@code profiles/quick.yaml}, {@code profiles/full.yaml}): how often each run repeats,
 * whether it decides the claims, how the warm-up decides it is done, and each scenario's
 * simulation, downstream behaviour and load steps. Scenarios are data: changing a step is
 * a YAML edit.
 *
 * @param repeats runs per scenario and variant
 * @param variants the variants it measures unless {@code --variants} names others, by
 * name; absent for {@link Variant#COMPARED}
 * @param verdicts whether the run decides the claims; {@code false} for smoke, whose
 * steps are too short and too few for any (absent means {@code true})
 * @param warmup the warm-up's settings
 * @param scrapeMillis how often {@code /actuator/prometheus} is scraped during a run
 * @param refine how far the knee search goes past the planned steps; null for no
 * refinement
 * @param scenarios scenario name -> its plan, in the order they run
 */
public record Profile(int repeats, List<String> variants, Boolean verdicts, Warmup warmup, int scrapeMillis,
		Refine refine, LinkedHashMap<String, Scenario> scenarios) {

	/** Every profile there is, one YAML file each under {@code profiles/}. */
	public static final List<String> NAMES = List.of("smoke", "quick", "full");

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	public Profile {
		verdicts = (verdicts == null) || verdicts;
		variants = (variants != null) ? variants : Variant.COMPARED.stream().map(Variant::name).toList();
	}

	/**
	 * @param roundSeconds length of one warm-up round
	 * @param steadyRounds how many consecutive rounds must agree
	 * @param tolerance how far (a fraction of their mean) those rounds may differ
	 * @param maxSeconds a variant's first warm-up (its JVM cold) gives up after this long
	 * and says so
	 * @param scenarioMaxSeconds the warm-up before each later scenario, the JVM warm but
	 * the scenario's own paths perhaps not yet compiled, gives up after this long
	 * @param concurrency requests the warm-up keeps in flight
	 * @param loadGeneratorMaxSeconds the load generator's own warm-up, once per run
	 * before the first variant, gives up after about this long (absent: 30 s)
	 * @param firstLeadInSeconds the unreported lead-in of a scenario the load generator
	 * has not run yet in this run, in which it compiles the scenario's own code (absent:
	 * 10 s; later runs of the scenario get 2 s)
	 */
	public record Warmup(int roundSeconds, int steadyRounds, double tolerance, int maxSeconds, int scenarioMaxSeconds,
			int concurrency, Integer loadGeneratorMaxSeconds, Integer firstLeadInSeconds) {

		public Warmup {
			loadGeneratorMaxSeconds = (loadGeneratorMaxSeconds != null) ? loadGeneratorMaxSeconds : 30;
			firstLeadInSeconds = (firstLeadInSeconds != null) ? firstLeadInSeconds : 10;
		}

	}

	/**
	 * The knee search after an open-model scenario's planned steps ({@link KneeSearch}).
	 *
	 * @param maxSteps extra steps per scenario run: reruns, rechecks, refinements,
	 * confirmations and tiebreaks together
	 * @param confirm whether the boundary's two sides, where read once, are read again:
	 * the last pass to confirm the knee, then the first failure to recheck it
	 * @param gap the bisection stops when the first failure is within this share of the
	 * last pass above it; the ledger's knee margin must not be finer
	 */
	public record Refine(int maxSteps, boolean confirm, double gap) {
	}

	/**
	 * @param simulation the simulation class's simple name in
	 * {@code dev.loomflux.gatling.simulations}
	 * @param downstream the stub's behaviour per endpoint during this scenario (the
	 * stub's admin JSON); absent endpoints answer at once
	 * @param injection the injection profile by name ({@code open-steps},
	 * {@code closed-steps}); absent for the simulation's own
	 * @param steps the load steps
	 * @param parameters scenario-specific numbers passed to the simulation
	 * @param efficiencyRate the offered rate (one of the steps') whose step gives the
	 * cost per request ({@code Efficiency}): the same for every variant, below every knee
	 * seen on the development VM, above the lowest step, where the service's fixed
	 * background work (scrapes, timers) spreads over few requests; absent for the lowest
	 * open step
	 * @param floors whether the floors ({@code Variant#floor()}) run it too; they serve
	 * cached product reads only, so only a scenario of nothing else can ask for them
	 * (absent: no)
	 */
	public record Scenario(String simulation, Map<String, Map<String, Object>> downstream, String injection,
			List<Plan.Step> steps, Map<String, String> parameters, Double efficiencyRate, Boolean floors) {

		public Scenario {
			floors = (floors != null) && floors;
		}

		/** Whether {@code variant} runs it: every service does, a floor if it asks. */
		public boolean runBy(Variant variant) {
			return !variant.floor() || this.floors;
		}

		/**
		 * Steps with labels: {@code "2000 req/s"}, {@code "5000 in flight"},
		 * {@code "4 CPU tasks"}.
		 */
		public List<Plan.Step> labelledSteps() {
			return this.steps.stream().map(Scenario::labelled).toList();
		}

		private static Plan.Step labelled(Plan.Step step) {
			if (step.label() != null) {
				return step;
			}
			String label = (step.offeredRate() != null) ? Math.round(step.offeredRate()) + " req/s"
					: (step.concurrency() != null) ? step.concurrency() + " in flight"
							: step.background() + " CPU tasks";
			return new Plan.Step(label, step.offeredRate(), step.concurrency(), step.background(), step.seconds());
		}

		public int seconds() {
			return this.steps.stream().mapToInt(Plan.Step::seconds).sum();
		}

	}

	public static Profile load(String name) throws IOException {
		try (InputStream yaml = Profile.class.getResourceAsStream("/profiles/" + name + ".yaml")) {
			if (yaml == null) {
				throw new IllegalArgumentException("no profile " + name + "; known: " + NAMES);
			}
			return YAML.readValue(yaml, Profile.class);
		}
	}

}
