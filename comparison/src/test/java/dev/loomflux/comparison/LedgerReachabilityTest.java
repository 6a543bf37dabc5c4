package dev.loomflux.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.loomflux.comparison.ledger.Ledger;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Scenarios;
import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.recording.RequestStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verdict each load-decided claim can give is reachable with the shipped profiles:
 * fixture results whose steps are the profile's own steps (and, for knees, the steps its
 * knee search would add), run through the whole ledger. A rule that could only ever give
 * one answer with these settings would fail here. C6, C7, C11 and C13 take no profile
 * setting; LedgerTest reaches each of their verdicts.
 */
class LedgerReachabilityTest {

	private static final String SUPPORTED = "supported";

	private static final String REFUTED = "refuted";

	private static final String DEPENDS = "it depends";

	@ParameterizedTest
	@ValueSource(strings = { "quick", "full" })
	void c1DecidesOnMeasuredInFlightRequests(String name) throws Exception {
		World world = new World(name);
		// the server holds every user's request: ~30 threads for them all
		assertThat(world.sweep("loom", (c) -> sweep(c, 900, 0, 30, 300e6, c, 1))
			.sweep("reactive", (c) -> sweep(c, 900, 0, 30, 300e6, c, 1))
			.verdict("C1")).isEqualTo(SUPPORTED);
		// loom held fewer requests than it had threads, whatever the users asked
		assertThat(new World(name).sweep("loom", (c) -> sweep(c, 900, 0, 30, 300e6, 20, 1))
			.sweep("reactive", (c) -> sweep(c, 900, 0, 30, 300e6, c, 1))
			.verdict("C1")).isEqualTo(REFUTED);
		assertThat(new World(name).sweep("loom", (c) -> sweep(c, 900, 0, 30, 300e6, 90, 1))
			.sweep("reactive", (c) -> sweep(c, 900, 0, 30, 300e6, 90, 1))
			.verdict("C1")).isEqualTo(DEPENDS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "quick", "full" })
	void c2AndC12CanGoEitherWay(String name) throws Exception {
		int lowest = new World(name).levels("concurrency-sweep", Plan.Step::concurrency).getFirst();
		IntFunction<Step> collapsing = (c) -> sweep(c, (c == lowest) ? 900 : 9000, 0, 220, 600e6, 200, 3);
		IntFunction<Step> steady = (c) -> sweep(c, 900, 0, 40, 300e6, c, 1);
		IntFunction<Step> failing = (c) -> sweep(c, 900, (c == lowest) ? 0 : 0.3, 40, 300e6, c, 1);
		World platformCollapses = new World(name).sweep("platform", collapsing).sweep("loom", steady);
		assertThat(platformCollapses.verdict("C2")).isEqualTo(SUPPORTED);
		assertThat(platformCollapses.verdict("C12")).as("3x the CPU and 2x the RSS").isEqualTo(SUPPORTED);
		World alike = new World(name).sweep("platform", steady).sweep("loom", steady);
		assertThat(alike.verdict("C2")).isEqualTo(REFUTED);
		assertThat(alike.verdict("C12")).isEqualTo(REFUTED);
		assertThat(new World(name).sweep("platform", failing).sweep("loom", failing).verdict("C2")).isEqualTo(DEPENDS);
		assertThat(new World(name).sweep("platform", (c) -> sweep(c, 900, 0, 220, 600e6, 200, 1))
			.sweep("loom", steady)
			.verdict("C12")).as("more RSS only").isEqualTo(DEPENDS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "quick", "full" })
	void c3IsSupportedOnlyWhereTheProfileOpensTensOfThousandsOfStreams(String name) throws Exception {
		World held = new World(name).streams("reactive", (c) -> 0.0);
		List<Integer> levels = held.levels("connections", Plan.Step::concurrency);
		assertThat(maxStreams()).isGreaterThanOrEqualTo(levels.getLast());
		if (name.equals("full")) {
			assertThat(levels.getLast()).isGreaterThanOrEqualTo(10_000);
			assertThat(held.verdict("C3")).isEqualTo(SUPPORTED);
		}
		else {
			assertThat(held.verdict("C3")).as("quick stops at " + levels.getLast()).isEqualTo(DEPENDS);
		}
		int failAt = levels.get(1);
		assertThat(new World(name).streams("reactive", (c) -> (c >= failAt) ? 0.5 : 0.0).verdict("C3"))
			.isEqualTo(REFUTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "quick", "full" })
	void c4C5AndC10CanGoEitherWay(String name) throws Exception {
		// the foreground p99 at the highest background: loom, platform, reactive, inline
		assertThat(new World(name).neighbours(900, 50, 12, 900).verdict("C4")).isEqualTo(SUPPORTED);
		assertThat(new World(name).neighbours(900, 50, 10, 10).verdict("C4")).isEqualTo(REFUTED);
		assertThat(new World(name).neighbours(900, 50, 100, 900).verdict("C4")).isEqualTo(DEPENDS);
		assertThat(new World(name).neighbours(60, 50, 10, 10).verdict("C5")).isEqualTo(SUPPORTED);
		assertThat(new World(name).neighbours(900, 50, 10, 10).verdict("C5")).isEqualTo(REFUTED);
		assertThat(new World(name).neighbours(150, 50, 10, 10).verdict("C5")).isEqualTo(DEPENDS);
		assertThat(new World(name).cpuBound(0.95, 8, 0.95, 4).verdict("C10")).isEqualTo(SUPPORTED);
		assertThat(new World(name).cpuBound(0.95, 8, 0.95, 8).verdict("C10")).isEqualTo(REFUTED);
		assertThat(new World(name).cpuBound(0.5, 8, 0.5, 8).verdict("C10")).isEqualTo(DEPENDS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "quick", "full" })
	void c8C9AndC14DecideOnKneesTheSearchLocates(String name) throws Exception {
		// limits inside each profile's range, between two planned steps
		World equal = new World(name).knees("loom", 0.45).knees("reactive", 0.45).knees("reactive-inline", 0.45);
		assertThat(equal.verdict("C8")).isEqualTo(SUPPORTED);
		assertThat(equal.verdict("C9")).as("reactive-inline as fast as loom").isEqualTo(REFUTED);
		assertThat(equal.verdict("C14")).isEqualTo(DEPENDS);
		World loomAhead = new World(name).knees("loom", 0.45).knees("reactive", 0.45).knees("reactive-inline", 0.2);
		assertThat(loomAhead.verdict("C9")).isEqualTo(SUPPORTED);
		World apart = new World(name).knees("loom", 0.9).knees("reactive", 0.3).knees("reactive-inline", 0.3);
		assertThat(apart.verdict("C8")).isEqualTo(REFUTED);
		assertThat(apart.verdict("C14")).isEqualTo(SUPPORTED);
		World behind = new World(name).knees("loom", 0.3).knees("reactive", 0.9).knees("reactive-inline", 0.9);
		assertThat(behind.verdict("C14")).isEqualTo(REFUTED);
		World open = new World(name).knees("loom", 2).knees("reactive", 0.9).knees("reactive-inline", 0.9);
		assertThat(open.verdict("C8")).as("loom passed every step").isEqualTo(DEPENDS);
		assertThat(open.verdict("C9")).isEqualTo(DEPENDS);
	}

	private static Step sweep(int concurrency, double p99, double errors, double threads, double rss, double inFlight,
			double cpuSecondsPerOk) {
		long ko = Math.round(errors * 1000);
		return new Step(concurrency + " in flight", null, concurrency, null, 10,
				Map.of("home", stats(1000 - ko, ko, concurrency / 0.9, p99)),
				server(0.6, cpuSecondsPerOk * (1000 - ko) / 1000, rss, threads, inFlight));
	}

	private static RequestStats stats(long ok, long ko, double okPerSecond, double p99) {
		return new RequestStats(ok, ko, okPerSecond, p99 / 2, p99, p99, p99, p99, Map.of(), p99);
	}

	private static ServerStats server(double cpu, double cpuSeconds, double rss, double threads, double inFlight) {
		return new ServerStats(cpu, cpuSeconds, rss, rss / 4, threads, null, null, null, null, null, null, null,
				inFlight, null, null);
	}

	/** bff.prices.max-streams, as both services read it. */
	private static int maxStreams() throws Exception {
		String yaml = Files.readString(Path.of("../shared-domain/src/main/resources/loomflux-common.yaml"));
		Matcher matcher = Pattern.compile("(?m)^\\s+max-streams: (\\d+)").matcher(yaml);
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	/** Fixture results built on one profile's steps. */
	private static final class World {

		private final Profile profile;

		private final List<ScenarioRun> runs = new ArrayList<>();

		World(String profile) throws Exception {
			this.profile = Profile.load(profile);
		}

		List<Integer> levels(String scenario, Function<Plan.Step, Integer> key) {
			return this.profile.scenarios().get(scenario).steps().stream().map(key).filter(Objects::nonNull).toList();
		}

		World sweep(String variant, IntFunction<Step> step) {
			return add("concurrency-sweep", variant, Map.of(),
					levels("concurrency-sweep", Plan.Step::concurrency).stream().map(step::apply).toList());
		}

		World streams(String variant, Function<Integer, Double> errors) {
			List<Step> steps = new ArrayList<>();
			for (int count : levels("connections", Plan.Step::concurrency)) {
				long ko = Math.round(errors.apply(count) * 1000);
				steps.add(new Step(count + " in flight", null, count, null, 10,
						Map.of("stream", stats(1000 - ko, ko, count, 5)),
						server(0.1, 1, 300e6 + count * 30e3, 20, count)));
			}
			return add("connections", variant, Map.of("rssBytesPerStream", 30e3), steps);
		}

		/** cpu-neighbour: each variant's foreground p99 at the highest background. */
		World neighbours(double loom, double platform, double reactive, double inline) {
			Map<String, Double> top = Map.of("loom", loom, "platform", platform, "reactive", reactive,
					"reactive-inline", inline);
			top.forEach((variant, p99) -> add("cpu-neighbour", variant, Map.of(), backgrounds(p99, 0.95, 4)));
			return this;
		}

		/** cpu-neighbour for C10: CPU share and insights/s at the highest background. */
		World cpuBound(double loomCpu, double loomInsights, double inlineCpu, double inlineInsights) {
			add("cpu-neighbour", "loom", Map.of(), backgrounds(50, loomCpu, loomInsights));
			return add("cpu-neighbour", "reactive-inline", Map.of(), backgrounds(50, inlineCpu, inlineInsights));
		}

		private List<Step> backgrounds(double topP99, double topCpu, double topInsights) {
			List<Integer> levels = levels("cpu-neighbour", Plan.Step::background);
			List<Step> steps = new ArrayList<>();
			for (int background : levels) {
				boolean top = background == levels.getLast();
				Map<String, RequestStats> requests = new HashMap<>();
				requests.put("product", stats(1000, 0, 100, (background == 0) ? 5 : top ? topP99 : 6));
				requests.put("insights", stats(40, 0, top ? topInsights : 4, 250));
				steps.add(new Step(background + " CPU tasks", 100.0, null, background, 10, requests,
						server(top ? topCpu : 0.5, 5, 300e6, 30, 10)));
			}
			return steps;
		}

		/**
		 * The knee scenarios of a variant whose limit is at {@code share} of the way
		 * between each profile's lowest and highest step, found by the planned steps and
		 * the profile's knee search.
		 */
		World knees(String variant, double share) {
			for (String scenario : List.of("catalog-read", "home-fanout", "mixed")) {
				List<Plan.Step> planned = this.profile.scenarios().get(scenario).labelledSteps();
				double low = planned.getFirst().offeredRate();
				double limit = low + share * (planned.getLast().offeredRate() - low);
				double objective = Scenarios.named(scenario).p99ObjectiveMs().orElseThrow();
				List<Step> steps = new ArrayList<>();
				planned.forEach((step) -> steps.add(open(step.label(), step.offeredRate(), limit, objective)));
				KneeSearch search = new KneeSearch(this.profile.refine(), objective, 3);
				for (Optional<Plan.Step> next = search.next(steps); next.isPresent(); next = search.next(steps)) {
					steps.add(open(next.get().label(), next.get().offeredRate(), limit, objective));
				}
				add(scenario, variant, Map.of(), steps);
			}
			return this;
		}

		private static Step open(String label, double rate, double limit, double objective) {
			double p99 = (rate <= limit) ? objective / 2 : objective * 3;
			return new Step(label, rate, null, null, 3, Map.of("product", stats(1000, 0, rate, p99)), null);
		}

		private World add(String scenario, String variant, Map<String, Double> figures, List<Step> steps) {
			this.runs.add(new ScenarioRun(scenario, variant, 1, null, steps, List.of(), figures, null));
			return this;
		}

		String verdict(String claim) {
			Map<String, String> settings = new LinkedHashMap<>();
			settings.put("shared: bff.prices.max-streams", "12000");
			Manifest manifest = new Manifest("quick", 1, "abc1234", false, "2026-01-01T00:00:00Z", 600.0, "25.0.1",
					List.of(), "1", "0", "Test CPU", 2, 24L << 30, 0.3, settings,
					List.of("loom", "platform", "reactive", "reactive-inline"), List.of(), List.of(), Map.of(), null,
					false);
			Results results = new Results(manifest, List.of(), this.runs, null, List.of(), List.of());
			return Ledger.evaluate(results)
				.stream()
				.filter((row) -> row.id().equals(claim))
				.findFirst()
				.map(ClaimVerdict::verdict)
				.orElseThrow();
		}

	}

}
