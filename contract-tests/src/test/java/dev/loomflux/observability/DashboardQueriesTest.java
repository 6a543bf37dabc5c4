package dev.loomflux.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.Processes;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard shows real data: a real Prometheus, run with
 * {@code observability/prometheus/prometheus.yml} pointed at both services' jars and the
 * stub, scrapes them while a short load goes through both, and then every PromQL
 * expression of every panel of {@code loom-vs-reactive.json}, with the template variables
 * set to each variant, must parse and return series for the variants the panel's
 * description says it applies to ("Applies to: loom, reactive.") and none for the others:
 * a metric one model cannot have is absent, never faked.
 */
class DashboardQueriesTest {

	private static final Path OBSERVABILITY = Path
		.of(System.getProperty("loomflux.observability.dir", "../observability"));

	private static final Pattern APPLIES_TO = Pattern.compile("Applies to: ([a-z, ]+)\\.");

	/** The variants this check starts, by the name panels use, with their tag values. */
	private static final Map<String, Map<String, String>> VARIANTS = Map.of("loom",
			Map.of("application", "service-loom", "model", "virtual-threads"), "reactive",
			Map.of("application", "service-reactive", "model", "event-loop"));

	private static JarProcess loom;

	private static JarProcess reactive;

	private static PrometheusServer prometheus;

	@BeforeAll
	static void scrapeBothServicesUnderLoad() throws IOException, InterruptedException {
		Optional<Path> binary = PrometheusServer.binary();
		assumeTrue(binary.isPresent(),
				"no prometheus binary on the PATH (or PROMETHEUS_BIN): install Debian's prometheus package, "
						+ "as ./loomflux test does, to check the dashboard's queries");
		Map<String, String> environment = new HashMap<>(TestInfrastructure.get().environment());
		environment.put("BFF_DOWNSTREAM_URL", DownstreamStub.get().url());
		// started side by side: on a busy machine most of this check's time is start-up
		CompletableFuture<JarProcess> startingLoom = CompletableFuture
			.supplyAsync(() -> JarProcess.start("service-loom", environment));
		try {
			reactive = JarProcess.start("service-reactive", environment);
		}
		finally {
			loom = startingLoom.join();
		}
		int port = Processes.freePort();
		Path directory = Files.createDirectories(Path.of("target", "prometheus"));
		// prometheus.yml loads the alert rules next to it, as in compose
		Files.copy(OBSERVABILITY.resolve("prometheus/alerts.yml"), directory.resolve("alerts.yml"),
				StandardCopyOption.REPLACE_EXISTING);
		prometheus = PrometheusServer.start(binary.get(), directory, testConfig(port), port);
		for (JarProcess service : List.of(loom, reactive)) {
			drive(service.api().asEachCustomer());
			// the GC panels need a collection: with the 2 GiB heap every service runs
			// with, this short load may not fill the young generation, as a longer one
			// would
			collectGarbage(service.pid());
		}
		// every job scraped at least three more times after the load (1 s interval):
		// rate() needs two samples of a series, and on a quiet machine the load can end
		// before the first scrape of a service that just started
		long loadEnd = System.currentTimeMillis() / 1000;
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> prometheus.query("min(timestamp(up))")
				.path("result")
				.path(0)
				.path("value")
				.path(0)
				.asDouble() > loadEnd + 3);
		// and both services' request counters seen in two successful scrapes at least:
		// on a cold JVM the first scrapes of /actuator/prometheus can outlast the 1 s
		// scrape timeout (up 0), and a series scraped once has no rate() yet
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> prometheus.query(
					"count by (application) (rate(http_server_requests_seconds_count{application=~\"service-.*\", uri!~\"/actuator.*\"}[1m]))")
				.path("result")
				.size() == 2);
	}

	@AfterAll
	static void stopEverything() {
		if (prometheus != null) {
			prometheus.close();
		}
		JarProcess.closeAll(loom, reactive);
	}

	@Test
	void shouldScrapeEveryJobOfThePrometheusConfig() {
		JsonNode up = prometheus.query("up == 1").path("result");
		List<String> jobs = new ArrayList<>();
		up.forEach((series) -> jobs.add(series.path("metric").path("job").asString()));
		assertThat(jobs).containsExactlyInAnyOrder("service-loom", "service-reactive", "downstream", "prometheus");
	}

	/**
	 * Every alert rule of alerts.yml loaded by the real Prometheus and evaluated against
	 * the services' real series without an error (a misspelt function or a vector
	 * matching that fails at run time would show here; promtool's unit tests in
	 * deployment-check show when each fires).
	 */
	@Test
	void shouldLoadAndEvaluateEveryAlertRuleWithoutError() throws IOException {
		long alerts = Files.readAllLines(OBSERVABILITY.resolve("prometheus/alerts.yml"))
			.stream()
			.filter((line) -> line.trim().startsWith("- alert: "))
			.count();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			List<JsonNode> rules = new ArrayList<>();
			prometheus.get("/api/v1/rules").path("groups").forEach((group) -> group.path("rules").forEach(rules::add));
			assertThat(rules).as("alert rules loaded").hasSize((int) alerts);
			assertThat(rules).allSatisfy((rule) -> {
				assertThat(rule.path("health").asString())
					.as("%s: %s", rule.path("name").asString(), rule.path("lastError").asString())
					.isEqualTo("ok");
			});
		});
	}

	@ParameterizedTest(name = "{0} [{1}] for {2}")
	@MethodSource("panelQueries")
	void shouldReturnDataExactlyForTheVariantsThePanelAppliesTo(String panel, String refId, String variant,
			boolean applies, String expression) {
		String promql = substitute(expression, VARIANTS.get(variant));
		JsonNode result = prometheus.query(promql).path("result");
		if (applies) {
			assertThat(result.size()).as("series of %s for %s: %s", panel, variant, promql).isPositive();
		}
		else {
			assertThat(result.size()).as("series of %s for %s, which cannot have it: %s", panel, variant, promql)
				.isZero();
		}
	}

	static Stream<Arguments> panelQueries() throws IOException {
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Files.readString(OBSERVABILITY.resolve("grafana/dashboards/loom-vs-reactive.json")));
		List<Arguments> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			if ("row".equals(panel.path("type").asString())) {
				continue;
			}
			String title = panel.path("title").asString();
			Matcher appliesTo = APPLIES_TO.matcher(panel.path("description").asString());
			assertThat(appliesTo.find()).as("panel %s says which variants it applies to", title).isTrue();
			List<String> variants = List.of(appliesTo.group(1).split(",\\s*"));
			assertThat(VARIANTS.keySet()).as("variants of %s", title).containsAll(variants);
			for (JsonNode target : panel.path("targets")) {
				for (String variant : VARIANTS.keySet()) {
					queries.add(Arguments.of(title, target.path("refId").asString(), variant,
							variants.contains(variant), target.path("expr").asString()));
				}
			}
		}
		return queries.stream();
	}

	/**
	 * Grafana's variables as Grafana would fill them in for one variant, every instance
	 * (the variable's "All"); the rate window spans the whole short run.
	 */
	private static String substitute(String expression, Map<String, String> variant) {
		return expression.replace("$application", variant.get("application"))
			.replace("$model", variant.get("model"))
			.replace("$instance", ".+")
			.replace("$__rate_interval", "1m");
	}

	/**
	 * The real prometheus.yml, pointed at the processes this test started, every second.
	 */
	private static String testConfig(int prometheusPort) throws IOException {
		String config = Files.readString(OBSERVABILITY.resolve("prometheus/prometheus.yml"));
		Map<String, Integer> targets = Map.of("service-loom:9081", loom.managementPort(), "service-reactive:9082",
				reactive.managementPort(), "downstream:9190", DownstreamStub.get().managementPort(), "prometheus:9090",
				prometheusPort);
		for (Map.Entry<String, Integer> target : targets.entrySet()) {
			assertThat(config).as("prometheus.yml scrapes %s", target.getKey()).contains(target.getKey());
			config = config.replace(target.getKey(), "localhost:" + target.getValue());
		}
		return config.replaceAll("(scrape|evaluation)_interval: \\S+", "$1_interval: 1s");
	}

	/**
	 * A few hundred requests of every kind the panels follow: product reads (PostgreSQL
	 * and the Redis cache), listings, carts, home pages (the downstream client), insights
	 * (CPU).
	 */
	private static void collectGarbage(long pid) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid), "GC.run")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(jcmd.waitFor()).as("jcmd %d GC.run", pid).isZero();
	}

	private static void drive(HttpApi api) {
		// ready means PostgreSQL answers; the Redis connection opens in the background
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/customers/1/cart").status() == 200);
		List<String> reads = IntStream.rangeClosed(1, 40)
			.boxed()
			.flatMap((i) -> Stream.of("/api/products/" + i, "/api/products/" + i, "/api/customers/" + i + "/home",
					"/api/customers/" + i + "/cart", "/api/products?category=books&limit=5&after=" + i,
					"/api/products/" + i + "/insights?horizonDays=30&paths=200"))
			.toList();
		// statuses are the contract suites' business: here a 5xx is load like any other
		// answer, and what the error-rate panel is for
		for (int i = 0; i < reads.size(); i += 8) {
			api.getConcurrently(reads.subList(i, Math.min(i + 8, reads.size())));
		}
		for (int customer = 1; customer <= 20; customer++) {
			api.send("PUT", "/api/customers/" + customer + "/cart/items/" + customer, "application/json",
					"{\"quantity\":1}");
		}
	}

}
