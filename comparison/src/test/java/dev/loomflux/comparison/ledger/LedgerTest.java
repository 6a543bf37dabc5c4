package dev.loomflux.comparison.ledger;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Interference;
import dev.loomflux.comparison.results.Microbenchmarks;
import dev.loomflux.comparison.results.Microbenchmarks.Handoff;
import dev.loomflux.comparison.results.Microbenchmarks.Parked;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.gatling.recording.RequestStats;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.loomflux.comparison.ledger.Fixtures.background;
import static dev.loomflux.comparison.ledger.Fixtures.closed;
import static dev.loomflux.comparison.ledger.Fixtures.openOk;
import static dev.loomflux.comparison.ledger.Fixtures.request;
import static dev.loomflux.comparison.ledger.Fixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

	private static Step sweep(int concurrency, double p99, double errors, double threads, double rss) {
		return sweep(concurrency, p99, errors, threads, rss, (double) concurrency);
	}

	/** A sweep step whose server measured {@code inFlight} requests in flight. */
	private static Step sweep(int concurrency, double p99, double errors, double threads, double rss, Double inFlight) {
		return closed(concurrency, request("home", p99, errors, concurrency / 0.5),
				server(0.6, 30.0, rss, threads, inFlight));
	}

	private static Step neighbour(int background, double foregroundP99) {
		return neighbour(background, foregroundP99, 0, 0.95);
	}

	private static Step neighbour(int background, double foregroundP99, double errors, double cpu) {
		Map<String, dev.loomflux.gatling.recording.RequestStats> requests = new java.util.HashMap<>(
				request("product", foregroundP99, errors, 50));
		requests.putAll(request("insights", 250.0, 0, 4));
		return background(background, requests, server(cpu, 60.0, 300e6, 30.0));
	}

	@Test
	void shouldEvaluateEveryClaimOnceInOrderAndSayNotMeasuredOnEmptyResults() {
		List<ClaimVerdict> rows = Ledger.evaluate(new Fixtures().build());
		assertThat(rows).extracting(ClaimVerdict::id)
			.containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.verdict()).isEqualTo(Verdict.NOT_MEASURED);
			assertThat(row.rule()).isNotBlank();
			assertThat(row.claim()).isNotBlank();
		});
	}

	@Test
	void shouldRestNoVerdictOnAnInvalidStepOrARunThatWasNotSteady() {
		Step collapsed = sweep(1000, 2500, 0, 220, 320e6);
		Step stolen = new Step(collapsed.label(), null, 1000, null, 60, collapsed.requests(), collapsed.server(), null,
				new Interference(0.4, 0.0, 0.1, "steal 40 % of the machine"));
		Fixtures interfered = new Fixtures()
			.run("concurrency-sweep", "platform", sweep(100, 410, 0, 220, 300e6), stolen)
			.run("concurrency-sweep", "loom", sweep(100, 410, 0, 40, 300e6), sweep(1000, 450, 0, 45, 400e6));
		assertThat(ThreadPerRequestCollapse.evaluate(interfered.evidence()).why()).doesNotContain("collapsed at 1000");
		Fixtures notSteady = new Fixtures()
			.run("concurrency-sweep", "platform", 1, Map.of("warmupSteady", 0.0), sweep(100, 410, 0, 220, 300e6),
					collapsed)
			.run("concurrency-sweep", "loom", 1, Map.of("warmupSteady", 1.0), sweep(100, 410, 0, 40, 300e6),
					sweep(1000, 450, 0, 45, 400e6));
		assertThat(ThreadPerRequestCollapse.evaluate(notSteady.evidence()).verdict()).isEqualTo(Verdict.NOT_MEASURED);
	}

	@Nested
	class C1 {

		@Test
		void shouldSupportWhenBothServeFiveTimesMoreRequestsThanThreads() {
			Fixtures f = new Fixtures()
				.run("concurrency-sweep", "loom", sweep(100, 210, 0, 40, 300e6), sweep(1000, 220, 0, 45, 400e6))
				.run("concurrency-sweep", "reactive", sweep(100, 210, 0, 30, 300e6),
						sweep(1000, 220, 0.005, 30, 350e6));
			ClaimVerdict row = InFlightPerThread.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
			assertThat(row.figures().get("loom"))
				.contains("1000 in flight (server, of 1000 users) on 45 platform threads (22.2x)");
		}

		@Test
		void shouldRefuteWhenAVariantHoldsAThreadPerRequest() {
			Fixtures f = new Fixtures().run("concurrency-sweep", "loom", sweep(100, 210, 0, 120, 300e6))
				.run("concurrency-sweep", "reactive", sweep(100, 210, 0, 10, 300e6));
			assertThat(InFlightPerThread.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
		}

		@Test
		void shouldRefuteOnMeasuredInFlightRequestsNotOnTheConfiguredConcurrency() {
			// 2,000 users, but the server held only 30 at a time on 40 threads:
			// the rest waited outside it
			Fixtures f = new Fixtures().run("concurrency-sweep", "loom", sweep(2000, 210, 0, 40, 300e6, 30.0))
				.run("concurrency-sweep", "reactive", sweep(2000, 210, 0, 10, 300e6));
			ClaimVerdict row = InFlightPerThread.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.REFUTED);
			assertThat(row.why()).contains("loom 0.8x");
		}

		@Test
		void shouldDependWhenTheRatioIsBetweenOneAndFive() {
			Fixtures f = new Fixtures().run("concurrency-sweep", "loom", sweep(100, 210, 0, 40, 300e6))
				.run("concurrency-sweep", "reactive", sweep(100, 210, 0, 10, 300e6));
			assertThat(InFlightPerThread.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.IT_DEPENDS);
		}

		@Test
		void shouldNotMeasureWhenThreadsAreMissingRatherThanDivideByNothing() {
			Step noServer = closed(100, request("home", 210.0, 0, 200), null);
			Fixtures f = new Fixtures().run("concurrency-sweep", "loom", noServer)
				.run("concurrency-sweep", "reactive", sweep(100, 210, 0, 10, 300e6));
			ClaimVerdict row = InFlightPerThread.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.NOT_MEASURED);
			assertThat(row.figures().get("loom")).contains("not measured");
		}

	}

	@Nested
	class C2 {

		@Test
		void shouldSupportWhenPlatformCollapsesWhereLoomDoesNot() {
			Fixtures f = new Fixtures()
				.run("concurrency-sweep", "platform", sweep(100, 410, 0, 220, 300e6), sweep(1000, 2500, 0, 220, 320e6))
				.run("concurrency-sweep", "loom", sweep(100, 410, 0, 40, 300e6), sweep(1000, 450, 0, 45, 400e6));
			ClaimVerdict row = ThreadPerRequestCollapse.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
			assertThat(row.why()).contains("collapsed at 1000").contains("40,000").contains("20000");
		}

		@Test
		void shouldRefuteWhenPlatformNeverCollapses() {
			Fixtures f = new Fixtures()
				.run("concurrency-sweep", "platform", sweep(100, 410, 0, 220, 300e6), sweep(1000, 450, 0, 220, 320e6))
				.run("concurrency-sweep", "loom", sweep(100, 410, 0, 40, 300e6), sweep(1000, 450, 0, 45, 400e6));
			assertThat(ThreadPerRequestCollapse.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
		}

		@Test
		void shouldDependWhenLoomCollapsesAsWell() {
			Fixtures f = new Fixtures()
				.run("concurrency-sweep", "platform", sweep(100, 410, 0, 220, 300e6), sweep(1000, 450, 0.3, 220, 320e6))
				.run("concurrency-sweep", "loom", sweep(100, 410, 0, 40, 300e6), sweep(1000, 450, 0.2, 45, 400e6));
			assertThat(ThreadPerRequestCollapse.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.IT_DEPENDS);
		}

	}

	@Nested
	class C3 {

		private Step streams(int count, double errors) {
			return closed(count, request("stream", 5.0, errors, count), server(0.1, 1.0, 300e6, 20.0));
		}

		@Test
		void shouldDependWhenEveryTestedStepHeldButTheScaleIsOutOfReach() {
			Fixtures f = new Fixtures().setting("bff.prices.max-streams", "4000")
				.run("connections", "reactive", 1, Map.of("rssBytesPerStream", 30_000.0), streams(0, 0),
						streams(4000, 0));
			ClaimVerdict row = EventLoopConnections.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(row.why()).contains("4000").contains("bff.prices.max-streams = 4000").contains("29.3 KiB");
		}

		@Test
		void shouldRefuteWhenStreamsFailBelowTheCap() {
			Fixtures f = new Fixtures().setting("bff.prices.max-streams", "4000")
				.run("connections", "reactive", streams(500, 0), streams(1000, 0.1));
			assertThat(EventLoopConnections.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
		}

		@Test
		void shouldSupportAtTensOfThousands() {
			Fixtures f = new Fixtures().run("connections", "reactive", streams(500, 0), streams(12_000, 0));
			assertThat(EventLoopConnections.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
		}

	}

	@Nested
	class C4 {

		@Test
		void shouldSupportWhenTheInlineLoopStallsAndOffloadingHolds() {
			Fixtures f = new Fixtures().run("cpu-neighbour", "reactive-inline", neighbour(0, 5), neighbour(4, 900))
				.run("cpu-neighbour", "reactive", neighbour(0, 5), neighbour(4, 12));
			ClaimVerdict row = EventLoopStall.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
			assertThat(row.why()).contains("75.0x");
		}

		@Test
		void shouldRefuteWhenTheInlineLoopDoesNotStall() {
			Fixtures f = new Fixtures().run("cpu-neighbour", "reactive-inline", neighbour(0, 5), neighbour(4, 10))
				.run("cpu-neighbour", "reactive", neighbour(0, 5), neighbour(4, 8));
			assertThat(EventLoopStall.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
		}

		@Test
		void shouldDependWhenOffloadingDoesNotKeepReactiveNearItsBaseline() {
			Fixtures f = new Fixtures().run("cpu-neighbour", "reactive-inline", neighbour(0, 5), neighbour(4, 900))
				.run("cpu-neighbour", "reactive", neighbour(0, 5), neighbour(4, 100));
			ClaimVerdict row = EventLoopStall.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(row.why()).contains("offloading did not keep reactive within 3x");
		}

		@Test
		void shouldCountFailingForegroundAsAStall() {
			Fixtures f = new Fixtures()
				.run("cpu-neighbour", "reactive-inline", neighbour(0, 5), neighbour(4, 20, 0.3, 1))
				.run("cpu-neighbour", "reactive", neighbour(0, 5), neighbour(4, 12));
			assertThat(EventLoopStall.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
		}

		@Test
		void shouldNotMeasureWithoutABaseline() {
			Fixtures f = new Fixtures().run("cpu-neighbour", "reactive-inline", neighbour(2, 5), neighbour(4, 900))
				.run("cpu-neighbour", "reactive", neighbour(0, 5), neighbour(4, 12));
			assertThat(EventLoopStall.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

		@Test
		void shouldDecideOnMediansAcrossRepeatsAndQuoteTheSpread() {
			Fixtures f = new Fixtures()
				.run("cpu-neighbour", "reactive-inline", 1, Map.of(), neighbour(0, 5), neighbour(4, 900))
				.run("cpu-neighbour", "reactive-inline", 2, Map.of(), neighbour(0, 5), neighbour(4, 10))
				.run("cpu-neighbour", "reactive-inline", 3, Map.of(), neighbour(0, 5), neighbour(4, 800))
				.run("cpu-neighbour", "reactive", neighbour(0, 5), neighbour(4, 12));
			ClaimVerdict row = EventLoopStall.evaluate(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.SUPPORTED);
			assertThat(row.figures().get("reactive-inline")).contains("800 ms (10.0 ms..900 ms)");
		}

	}

	@Nested
	class C5 {

		private Fixtures with(double loomP99, double platformP99) {
			return new Fixtures().serviceCpus("1")
				.run("cpu-neighbour", "loom", neighbour(0, 5), neighbour(1, 6), neighbour(4, loomP99))
				.run("cpu-neighbour", "platform", neighbour(0, 5), neighbour(1, 6), neighbour(4, platformP99));
		}

		@Test
		void shouldRefuteForVirtualThreadsWhenLoomStarvesFiveTimesWorse() {
			ClaimVerdict row = CpuBoundVirtualThreads.evaluate(with(1000, 50).evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.REFUTED);
			assertThat(row.why()).contains("background 4 on 1 core(s)");
		}

		@Test
		void shouldSupportWhenLoomStaysWithinTwiceOfPlatform() {
			assertThat(CpuBoundVirtualThreads.evaluate(with(80, 50).evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
		}

		@Test
		void shouldDependInBetween() {
			assertThat(CpuBoundVirtualThreads.evaluate(with(150, 50).evidence()).verdict())
				.isEqualTo(Verdict.IT_DEPENDS);
		}

		@Test
		void shouldNotMeasureWhenNoBackgroundOutnumbersTheCores() {
			Fixtures f = with(1000, 50).serviceCpus("0-3");
			assertThat(CpuBoundVirtualThreads.evaluate(f.evidence()).verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

	}

	@Nested
	class C6AndC7 {

		private Microbenchmarks handoffs(double virtual, double platform) {
			return new Microbenchmarks(List.of(new Handoff("virtual-thread", virtual, 5.0),
					new Handoff("platform-thread", platform, 20.0), new Handoff("reactor", 80, null)), List.of(), "JMH",
					null);
		}

		private Microbenchmarks parked(Double virtualHeap, Double platformRss) {
			return new Microbenchmarks(List.of(), List.of(new Parked("virtual-thread", 10_000, virtualHeap, null),
					new Parked("platform-thread", 1_000, null, platformRss)), "JMH", null);
		}

		@Test
		void shouldDecideTheHandoffOnTheRatio() {
			assertThat(SuspendedTasks.handoffs(new Fixtures().micro(handoffs(1000, 5000)).evidence()).verdict())
				.isEqualTo(Verdict.SUPPORTED);
			assertThat(SuspendedTasks.handoffs(new Fixtures().micro(handoffs(4000, 5000)).evidence()).verdict())
				.isEqualTo(Verdict.IT_DEPENDS);
			assertThat(SuspendedTasks.handoffs(new Fixtures().micro(handoffs(6000, 5000)).evidence()).verdict())
				.isEqualTo(Verdict.REFUTED);
			ClaimVerdict failed = SuspendedTasks.handoffs(
					new Fixtures().micro(new Microbenchmarks(List.of(), List.of(), null, "JMH crashed")).evidence());
			assertThat(failed.verdict()).isEqualTo(Verdict.NOT_MEASURED);
			assertThat(failed.why()).contains("JMH crashed");
		}

		@Test
		void shouldDecideTheParkedSizeOnBothThresholds() {
			assertThat(SuspendedTasks.parked(new Fixtures().micro(parked(1500.0, 40_000.0)).evidence()).verdict())
				.isEqualTo(Verdict.SUPPORTED);
			assertThat(SuspendedTasks.parked(new Fixtures().micro(parked(1500.0, 3000.0)).evidence()).verdict())
				.isEqualTo(Verdict.IT_DEPENDS);
			assertThat(SuspendedTasks.parked(new Fixtures().micro(parked(20_000.0, 100_000.0)).evidence()).verdict())
				.isEqualTo(Verdict.REFUTED);
			assertThat(SuspendedTasks.parked(new Fixtures().micro(parked(null, 40_000.0)).evidence()).verdict())
				.isEqualTo(Verdict.NOT_MEASURED);
		}

	}

	@Nested
	class C8AndC9 {

		private Fixtures knees(String scenario, Fixtures f, String variant, double knee) {
			// the knee search located each knee within 10 %
			return f.run(scenario, variant, openOk(knee, 10), openOk(knee * 1.1, 5000));
		}

		@Test
		void shouldSupportParityWhenKneesAreWithinTwentyPercentOnBoth() {
			Fixtures f = new Fixtures();
			knees("home-fanout", f, "loom", 1000);
			knees("home-fanout", f, "reactive", 900);
			knees("catalog-read", f, "loom", 3000);
			knees("catalog-read", f, "reactive", 3300);
			assertThat(KneeClaims.ioParity(f.evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
		}

		@Test
		void shouldDependWhenTheModelsPartOnOneScenarioOnly() {
			Fixtures f = new Fixtures();
			knees("home-fanout", f, "loom", 1000);
			knees("home-fanout", f, "reactive", 900);
			knees("catalog-read", f, "loom", 2000);
			knees("catalog-read", f, "reactive", 3300);
			ClaimVerdict row = KneeClaims.ioParity(f.evidence());
			assertThat(row.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(row.why()).contains("catalog-read: reactive leads by more than 20 %");
		}

		@Test
		void shouldRefuteParityWhenApartOnBoth() {
			Fixtures f = new Fixtures();
			knees("home-fanout", f, "loom", 1000);
			knees("home-fanout", f, "reactive", 500);
			knees("catalog-read", f, "loom", 2000);
			knees("catalog-read", f, "reactive", 3300);
			assertThat(KneeClaims.ioParity(f.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
		}

		@Test
		void shouldNotMeasureParityWithoutAKnee() {
			Fixtures f = new Fixtures();
			knees("home-fanout", f, "loom", 1000);
			knees("home-fanout", f, "reactive", 900);
			assertThat(KneeClaims.ioParity(f.evidence()).verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

		@Test
		void shouldDecideTheMixOnLoomAgainstBothReactiveVariants() {
			Fixtures supported = new Fixtures();
			knees("mixed", supported, "loom", 1000);
			knees("mixed", supported, "reactive", 950);
			knees("mixed", supported, "reactive-inline", 400);
			assertThat(KneeClaims.mixed(supported.evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
			Fixtures refuted = new Fixtures();
			knees("mixed", refuted, "loom", 1000);
			knees("mixed", refuted, "reactive", 950);
			knees("mixed", refuted, "reactive-inline", 950);
			assertThat(KneeClaims.mixed(refuted.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
			Fixtures open = new Fixtures();
			open.run("mixed", "loom", openOk(500, 10), openOk(1000, 10));
			knees("mixed", open, "reactive", 950);
			knees("mixed", open, "reactive-inline", 950);
			assertThat(KneeClaims.mixed(open.evidence()).verdict()).isEqualTo(Verdict.IT_DEPENDS);
		}

	}

	@Nested
	class C10AndC11 {

		private Fixtures cpu(String cpus, double loomCpu, double loomInsights, double inlineCpu,
				double inlineInsights) {
			return new Fixtures().serviceCpus(cpus)
				.run("cpu-neighbour", "loom", neighbour(0, 5, 0, 0.1), cpuBound(loomCpu, loomInsights))
				.run("cpu-neighbour", "reactive-inline", neighbour(0, 5, 0, 0.1), cpuBound(inlineCpu, inlineInsights));
		}

		private Step cpuBound(double cpu, double insightsPerSecond) {
			Map<String, RequestStats> requests = new java.util.HashMap<>(request("product", 50.0, 0, 50));
			requests.putAll(request("insights", 250.0, 0, insightsPerSecond));
			return background(4, requests, server(cpu, 60.0, 300e6, 30.0));
		}

		@Test
		void shouldDecideWhetherTheEventLoopWithoutWorkersUsesTheCoresAsFullyAsLoom() {
			assertThat(CoresAndFootprint.cores(cpu("0-1", 0.95, 8, 0.5, 4).evidence()).verdict())
				.as("the inline loop left CPU idle")
				.isEqualTo(Verdict.SUPPORTED);
			assertThat(CoresAndFootprint.cores(cpu("1", 0.95, 8, 0.95, 5).evidence()).verdict())
				.as("busy, but 5 of 8 insights/s")
				.isEqualTo(Verdict.SUPPORTED);
			ClaimVerdict oneCore = CoresAndFootprint.cores(cpu("1", 0.95, 8, 0.95, 7.5).evidence());
			assertThat(oneCore.verdict()).isEqualTo(Verdict.REFUTED);
			assertThat(oneCore.why()).contains("1 core(s)", "--service-cpus");
			assertThat(CoresAndFootprint.cores(cpu("0-1", 0.5, 8, 0.95, 8).evidence()).verdict())
				.isEqualTo(Verdict.REFUTED);
			assertThat(CoresAndFootprint.cores(cpu("0-1", 0.5, 8, 0.5, 8).evidence()).verdict())
				.isEqualTo(Verdict.IT_DEPENDS);
			assertThat(CoresAndFootprint.cores(new Fixtures().evidence()).verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

		@Test
		void shouldCompareBaseMemoryNotIdleRss() {
			assertThat(CoresAndFootprint
				.footprint(
						new Fixtures().footprint("loom", 200e6, 300e6).footprint("reactive", 205e6, 500e6).evidence())
				.verdict()).as("reactive's idle RSS is 1.7x loom's, but only because it touched more of its heap")
				.isEqualTo(Verdict.IT_DEPENDS);
			assertThat(CoresAndFootprint
				.footprint(new Fixtures().footprint("loom", 200e6, 500e6).footprint("reactive", null, 300e6).evidence())
				.verdict()).as("an idle RSS without the base memory decides nothing").isEqualTo(Verdict.NOT_MEASURED);
			assertThat(CoresAndFootprint
				.footprint(new Fixtures().footprint("loom", 200e6).footprint("reactive", 240e6).evidence())
				.verdict()).isEqualTo(Verdict.SUPPORTED);
			assertThat(CoresAndFootprint
				.footprint(new Fixtures().footprint("loom", 200e6).footprint("reactive", 160e6).evidence())
				.verdict()).isEqualTo(Verdict.REFUTED);
			assertThat(CoresAndFootprint
				.footprint(new Fixtures().footprint("loom", 200e6).footprint("reactive", 205e6).evidence())
				.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(CoresAndFootprint
				.footprint(new Fixtures().footprint("loom", 200e6).footprint("reactive", null).evidence())
				.verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

	}

	@Nested
	class C12 {

		private Step at(double cpuSeconds, double rss) {
			return closed(1000, request("home", 300.0, 0, 2000), server(0.5, cpuSeconds, rss, 200.0));
		}

		@Test
		void shouldDecideOnCpuPerRequestAndRssAtTheSameStep() {
			assertThat(ThreadPerRequestCost
				.evaluate(new Fixtures().run("concurrency-sweep", "platform", at(60, 600e6))
					.run("concurrency-sweep", "loom", at(30, 300e6))
					.evidence())
				.verdict()).isEqualTo(Verdict.SUPPORTED);
			assertThat(ThreadPerRequestCost
				.evaluate(new Fixtures().run("concurrency-sweep", "platform", at(31, 310e6))
					.run("concurrency-sweep", "loom", at(30, 300e6))
					.evidence())
				.verdict()).isEqualTo(Verdict.REFUTED);
			ClaimVerdict half = ThreadPerRequestCost
				.evaluate(new Fixtures().run("concurrency-sweep", "platform", at(31, 600e6))
					.run("concurrency-sweep", "loom", at(30, 300e6))
					.evidence());
			assertThat(half.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(half.why()).contains("Context switches: not measured");
			Step noCpu = closed(1000, request("home", 300.0, 0, 2000), server(0.5, null, 300e6, 200.0));
			assertThat(ThreadPerRequestCost
				.evaluate(new Fixtures().run("concurrency-sweep", "platform", noCpu)
					.run("concurrency-sweep", "loom", at(30, 300e6))
					.evidence())
				.verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

	}

	@Nested
	class C13AndC14 {

		private Fixtures feature(Fixtures f, String feature, int loomLines, int loomNesting, int reactiveLines,
				int reactiveNesting, int ops) {
			return f.code(feature, "service-loom", loomLines, loomNesting, 0)
				.code(feature, "service-reactive", reactiveLines, reactiveNesting, ops);
		}

		@Test
		void shouldCompareFeaturesOnLinesAndNesting() {
			Fixtures loomSimpler = feature(feature(new Fixtures(), "home", 60, 1, 90, 3, 20), "cart", 50, 1, 50, 1, 10);
			assertThat(CodeSimplicity.evaluate(loomSimpler.evidence()).verdict()).isEqualTo(Verdict.SUPPORTED);
			Fixtures reactiveSimpler = feature(new Fixtures(), "home", 90, 3, 60, 1, 2);
			assertThat(CodeSimplicity.evaluate(reactiveSimpler.evidence()).verdict()).isEqualTo(Verdict.REFUTED);
			Fixtures vocabulary = feature(new Fixtures(), "home", 90, 3, 60, 1, 25);
			ClaimVerdict refuted = CodeSimplicity.evaluate(vocabulary.evidence());
			assertThat(refuted.verdict()).as("operators are quoted, not a second bar for reactive alone")
				.isEqualTo(Verdict.REFUTED);
			assertThat(refuted.why()).contains("25 Reactor operator calls");
			Fixtures tie = feature(feature(new Fixtures(), "home", 90, 3, 60, 1, 2), "cart", 50, 1, 70, 2, 10);
			assertThat(CodeSimplicity.evaluate(tie.evidence()).verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(CodeSimplicity.evaluate(new Fixtures().evidence()).verdict()).isEqualTo(Verdict.NOT_MEASURED);
		}

		@Test
		void shouldNotLetTheCodeCountsAloneDecideTheOverallVerdict() {
			Fixtures f = feature(new Fixtures(), "home", 60, 1, 90, 3, 20);
			ClaimVerdict codeOnly = Ledger.evaluate(f.build()).getLast();
			assertThat(codeOnly.id()).isEqualTo("C14");
			assertThat(codeOnly.verdict()).isEqualTo(Verdict.NOT_MEASURED);
			assertThat(codeOnly.figures().get("for loom")).contains("C13");
			Fixtures tied = feature(new Fixtures(), "home", 60, 1, 90, 3, 20);
			tied.run("home-fanout", "loom", openOk(1000, 10), openOk(1100, 5000))
				.run("home-fanout", "reactive", openOk(1000, 10), openOk(1100, 5000));
			ClaimVerdict noLoadLead = Ledger.evaluate(tied.build()).getLast();
			assertThat(noLoadLead.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(noLoadLead.why()).contains("Only the code counts");
		}

		@Test
		void shouldWeighPointsForAndAgainstLoomAlike() {
			Fixtures loomAhead = new Fixtures().run("home-fanout", "loom", openOk(1000, 10), openOk(1100, 5000))
				.run("home-fanout", "reactive", openOk(500, 10), openOk(550, 5000));
			assertThat(Ledger.evaluate(loomAhead.build()).getLast().verdict()).isEqualTo(Verdict.SUPPORTED);
			Fixtures reactiveAhead = new Fixtures().run("home-fanout", "loom", openOk(500, 10), openOk(550, 5000))
				.run("home-fanout", "reactive", openOk(1000, 10), openOk(1100, 5000));
			ClaimVerdict refuted = Ledger.evaluate(reactiveAhead.build()).getLast();
			assertThat(refuted.verdict()).isEqualTo(Verdict.REFUTED);
			assertThat(refuted.why()).contains("reactive's home-fanout knee leads loom's");
			Fixtures both = feature(new Fixtures(), "home", 60, 1, 90, 3, 20);
			both.run("home-fanout", "loom", openOk(500, 10), openOk(550, 5000))
				.run("home-fanout", "reactive", openOk(1000, 10), openOk(1100, 5000));
			ClaimVerdict mixed = Ledger.evaluate(both.build()).getLast();
			assertThat(mixed.verdict()).isEqualTo(Verdict.IT_DEPENDS);
			assertThat(mixed.why()).contains("reactive's home-fanout knee leads loom's", "C13");
		}

	}

}
