package dev.loomflux.comparison.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.CodeMetrics;
import dev.loomflux.comparison.results.Footprint;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.results.Microbenchmarks;
import dev.loomflux.gatling.recording.RequestStats;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/** Hand-built results for the rule tests. */
final class Fixtures {

	private final List<ScenarioRun> runs = new ArrayList<>();

	private final List<Footprint> footprints = new ArrayList<>();

	private final List<CodeMetrics> code = new ArrayList<>();

	private Microbenchmarks micro;

	private String serviceCpus = "1";

	private boolean verdictsWithheld;

	private final Map<String, String> settings = new LinkedHashMap<>();

	static RequestStats stats(long ok, long ko, double okPerSecond, Double p99) {
		return new RequestStats(ok, ko, okPerSecond, (p99 != null) ? p99 / 2 : null, p99, p99, p99, p99, Map.of(), p99);
	}

	/** A request name answering {@code p99} ms with the given error share. */
	static Map<String, RequestStats> request(String name, Double p99, double errorShare, double okPerSecond) {
		long ko = Math.round(errorShare * 1000);
		return Map.of(name, stats(1000 - ko, ko, okPerSecond, p99));
	}

	static Step open(double rate, Map<String, RequestStats> requests) {
		return new Step(rate + " req/s", rate, null, null, 60, requests, null);
	}

	/** An open step of catalog-read that met (or not) its objectives. */
	static Step openOk(double rate, double p99) {
		return open(rate, request("product", p99, 0, rate));
	}

	static Step closed(int concurrency, Map<String, RequestStats> requests, ServerStats server) {
		return new Step(concurrency + " in flight", null, concurrency, null, 60, requests, server);
	}

	static Step background(int background, Map<String, RequestStats> requests, ServerStats server) {
		return new Step("background " + background, 50.0, null, background, 60, requests, server);
	}

	static ServerStats server(Double cpu, Double cpuSeconds, Double rss, Double threads) {
		return server(cpu, cpuSeconds, rss, threads, null);
	}

	static ServerStats server(Double cpu, Double cpuSeconds, Double rss, Double threads, Double inFlight) {
		return new ServerStats(cpu, cpuSeconds, rss, rss / 4, threads, null, null, null, null, null, null, null,
				inFlight, null, null);
	}

	Fixtures run(String scenario, String variant, Step... steps) {
		return run(scenario, variant, 1, Map.of(), steps);
	}

	Fixtures run(String scenario, String variant, int repeat, Map<String, Double> figures, Step... steps) {
		this.runs.add(new ScenarioRun(scenario, variant, repeat, null, List.of(steps), List.of(), figures, null));
		return this;
	}

	/** A footprint whose idle RSS is its base memory plus 200 MB of touched heap. */
	Fixtures footprint(String variant, Double baseMemory) {
		return footprint(variant, baseMemory, (baseMemory != null) ? baseMemory + 200e6 : null);
	}

	/** A footprint with 40 MB of live heap in its base memory (null: not measured). */
	Fixtures footprint(String variant, Double baseMemory, Double idleRss) {
		this.footprints.add(new Footprint(variant, 2.5, idleRss, 60e6, 30.0, List.of(), List.of(), true,
				(baseMemory != null) ? baseMemory - 40e6 : null, (baseMemory != null) ? 40e6 : null));
		return this;
	}

	Fixtures micro(Microbenchmarks micro) {
		this.micro = micro;
		return this;
	}

	Fixtures code(String feature, String service, int lines, int nesting, int operators) {
		this.code.add(new CodeMetrics(feature, service, lines, nesting, operators));
		return this;
	}

	Fixtures serviceCpus(String cpus) {
		this.serviceCpus = cpus;
		return this;
	}

	/** A smoke run's results: the profile withholds verdicts. */
	Fixtures withoutVerdicts() {
		this.verdictsWithheld = true;
		return this;
	}

	Fixtures setting(String key, String value) {
		this.settings.put(key, value);
		return this;
	}

	Results build() {
		Manifest manifest = new Manifest("quick", 1, "abc1234", false, "2026-01-01T00:00:00Z", 600.0, "25.0.1",
				List.of(), this.serviceCpus, "0", "Test CPU", 2, 24L << 30, 0.3, this.settings,
				List.of("loom", "platform", "reactive", "reactive-inline"), List.of(), List.of("a note of the run"),
				Map.of(), null, this.verdictsWithheld);
		return new Results(manifest, this.footprints, this.runs, this.micro, this.code, List.<ClaimVerdict>of());
	}

	Evidence evidence() {
		return new Evidence(build());
	}

}
