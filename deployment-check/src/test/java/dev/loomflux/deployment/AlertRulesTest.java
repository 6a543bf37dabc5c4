package dev.loomflux.deployment;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * observability/prometheus/alerts.yml: valid for Prometheus ({@code promtool check
 * rules}), each alert shown to fire by a unit test of its own
 * ({@code promtool test rules} on alerts.test.yml), loaded by compose's Prometheus, and
 * shipped unchanged as the monitoring overlay's PrometheusRule. promtool comes with
 * Debian's prometheus package, which {@code ./loomflux test} installs; without it the
 * promtool checks are skipped, saying so.
 */
class AlertRulesTest {

	private static final Path RULES = Repository.path("observability/prometheus/alerts.yml");

	private static final Path TESTS = Repository.path("observability/prometheus/alerts.test.yml");

	@Test
	void shouldPassPromtoolsRuleCheck() throws Exception {
		assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
	}

	@Test
	void shouldPassEveryPromtoolUnitTest() throws Exception {
		assertThat(promtool("test", "rules", TESTS.toString())).contains("SUCCESS");
	}

	@Test
	void shouldHaveAUnitTestInWhichEachAlertFires() {
		List<Map<String, Object>> tests = Repository.at(Repository.yaml(TESTS), "tests");
		List<String> firing = tests.stream()
			.flatMap((test) -> Repository.<List<Map<String, Object>>>at(test, "alert_rule_test").stream())
			.filter((check) -> !Repository.<List<?>>at(check, "exp_alerts").isEmpty())
			.map((check) -> (String) check.get("alertname"))
			.toList();
		List<String> quiet = tests.stream()
			.flatMap((test) -> Repository.<List<Map<String, Object>>>at(test, "alert_rule_test").stream())
			.filter((check) -> Repository.<List<?>>at(check, "exp_alerts").isEmpty())
			.map((check) -> (String) check.get("alertname"))
			.toList();

		assertThat(alerts()).isNotEmpty();
		assertThat(firing).as("alerts shown to fire").containsAll(alerts());
		assertThat(quiet).as("alerts shown to stay quiet below their threshold").containsAll(alerts());
	}

	@Test
	void shouldShipTheSameRulesAsThePrometheusRuleOfTheMonitoringOverlay() {
		Map<String, Object> rule = Kustomize.manifests("k8s/overlays/monitoring")
			.stream()
			.filter((manifest) -> "PrometheusRule".equals(manifest.get("kind")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the monitoring overlay renders no PrometheusRule"));

		assertThat(Repository.<Object>at(rule, "spec.groups")).as("run k8s/overlays/monitoring/sync-observability.sh")
			.isEqualTo(Repository.yaml(RULES).get("groups"));
		assertThat(Repository.<Map<String, String>>at(rule, "metadata.labels")).containsEntry("release", "prometheus");
	}

	@Test
	void shouldLoadTheRulesInComposesPrometheus() {
		Map<String, Object> config = Repository.yaml(Repository.path("observability/prometheus/prometheus.yml"));
		Map<String, Object> compose = Repository.yaml(Repository.path("docker-compose.yml"));

		assertThat(Repository.<List<String>>at(config, "rule_files")).containsExactly("alerts.yml");
		assertThat(Repository.<List<String>>at(compose, "services.prometheus.volumes")).contains(
				"./observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
				"./observability/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
	}

	private static List<String> alerts() {
		List<Map<String, Object>> groups = Repository.at(Repository.yaml(RULES), "groups");
		return groups.stream()
			.flatMap((group) -> Repository.<List<Map<String, Object>>>at(group, "rules").stream())
			.map((rule) -> (String) rule.get("alert"))
			.toList();
	}

	private static String promtool(String... arguments) throws Exception {
		Optional<Path> binary = binary();
		assumeTrue(binary.isPresent(), "no promtool on the PATH (or PROMTOOL_BIN): install Debian's prometheus "
				+ "package, as ./loomflux test does, to check the alert rules");
		List<String> command = Stream.concat(Stream.of(binary.get().toString()), Stream.of(arguments)).toList();
		// promtool resolves alerts.test.yml's rule_files next to it
		Process process = new ProcessBuilder(command).directory(RULES.getParent().toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
		return output;
	}

	private static Optional<Path> binary() {
		String configured = System.getenv("PROMTOOL_BIN");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> Path.of(dir, "promtool"))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
