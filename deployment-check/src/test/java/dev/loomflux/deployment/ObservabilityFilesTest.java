package dev.loomflux.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus and Grafana files docker-compose.yml mounts, and the dashboard's own
 * conventions (its queries are evaluated against a real Prometheus by contract-tests'
 * DashboardQueriesTest).
 */
class ObservabilityFilesTest {

	private final Map<String, Object> compose = Repository.yaml(Repository.path("docker-compose.yml"));

	@Test
	void shouldScrapeTheManagementPortsOfTheComposeServices() {
		Path file = present("observability/prometheus/prometheus.yml");
		List<Map<String, Object>> scrapeConfigs = Repository.at(Repository.yaml(file), "scrape_configs");
		List<String> targets = scrapeConfigs.stream()
			.flatMap((config) -> this.<List<Map<String, Object>>>listOrEmpty(config.get("static_configs")).stream())
			.flatMap((staticConfig) -> this.<List<String>>listOrEmpty(staticConfig.get("targets")).stream())
			.toList();

		for (String module : ServiceConfiguration.ALL) {
			// inside the compose network, Prometheus reaches
			// each service by its compose name
			assertThat(targets).as("prometheus.yml targets, for " + module)
				.contains(module + ":" + ServiceConfiguration.of(module).managementPort());
		}
	}

	@Test
	void shouldProvisionDashboardsFromWhereComposeMountsThem() throws IOException {
		String mountTarget = mountTarget("./observability/grafana/dashboards");
		List<String> paths = provisioned("dashboards", "providers").stream()
			.map((provider) -> Repository.<String>at(provider, "options.path"))
			.toList();

		assertThat(paths).as("dashboard providers' options.path")
			.isNotEmpty()
			.allSatisfy((path) -> assertThat(path).startsWith(mountTarget));
	}

	@Test
	void shouldProvisionPrometheusAtItsComposeAddress() throws IOException {
		List<String> urls = provisioned("datasources", "datasources").stream()
			.filter((datasource) -> "prometheus".equals(datasource.get("type")))
			.map((datasource) -> (String) datasource.get("url"))
			.toList();

		assertThat(urls).as("Prometheus data source URLs").containsOnly("http://prometheus:9090");
	}

	@Test
	void shouldLetTheDashboardChooseItsDataSource() throws IOException {
		Map<String, Object> dashboard = dashboard();
		List<Map<String, Object>> variables = Repository.at(dashboard, "templating.list");

		assertThat(variables).anySatisfy((variable) -> assertThat(variable).containsEntry("name", "datasource")
			.containsEntry("type", "datasource")
			.containsEntry("query", "prometheus"));
		for (Map<String, Object> variable : variables) {
			if (!"datasource".equals(variable.get("type"))) {
				assertThat(Repository.<String>at(variable, "datasource.uid")).as("variable " + variable.get("name"))
					.isEqualTo("${datasource}");
			}
		}
		for (Map<String, Object> panel : panels(dashboard)) {
			assertThat(Repository.<String>at(panel, "datasource.uid")).as((String) panel.get("title"))
				.isEqualTo("${datasource}");
			for (Map<String, Object> target : this.<List<Map<String, Object>>>listOrEmpty(panel.get("targets"))) {
				assertThat(Repository.<String>at(target, "datasource.uid")).as((String) panel.get("title"))
					.isEqualTo("${datasource}");
			}
		}
	}

	@Test
	void shouldFilterEveryQueryByInstanceAndShowOneSeriesSetPerVariant() throws IOException {
		Map<String, Object> dashboard = dashboard();
		List<Map<String, Object>> variables = Repository.at(dashboard, "templating.list");
		assertThat(variables).extracting((variable) -> variable.get("name"))
			.contains("application", "model", "instance");
		Pattern groupings = Pattern.compile("\\b(?:sum|max|min|avg|count) by \\(([^)]*)\\)");

		for (Map<String, Object> panel : panels(dashboard)) {
			for (Map<String, Object> target : this.<List<Map<String, Object>>>listOrEmpty(panel.get("targets"))) {
				String expression = (String) target.get("expr");
				String what = panel.get("title") + ": " + expression;
				// every selector filtered by the three variables
				assertThat(count(expression, "application=~\"$application\"")).as(what)
					.isPositive()
					.isEqualTo(count(expression, "model=~\"$model\""))
					.isEqualTo(count(expression, "instance=~\"$instance\""));
				// every aggregation keeps the variant apart, never the instance
				Matcher grouping = groupings.matcher(expression);
				assertThat(grouping.find()).as("%s aggregates its instances", what).isTrue();
				do {
					List<String> labels = List.of(grouping.group(1).split(",\\s*"));
					assertThat(labels).as(what).contains("application", "model").doesNotContain("instance");
				}
				while (grouping.find());
			}
		}
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static Map<String, Object> dashboard() throws IOException {
		return new org.yaml.snakeyaml.Yaml()
			.load(Files.readString(Repository.path("observability/grafana/dashboards/loom-vs-reactive.json")));
	}

	private List<Map<String, Object>> panels(Map<String, Object> dashboard) {
		return this.<List<Map<String, Object>>>listOrEmpty(dashboard.get("panels"))
			.stream()
			.filter((panel) -> !"row".equals(panel.get("type")))
			.toList();
	}

	/**
	 * The entries under {@code key} in every YAML file of a Grafana provisioning folder.
	 */
	private List<Map<String, Object>> provisioned(String folder, String key) throws IOException {
		try (Stream<Path> files = Files.list(present("observability/grafana/provisioning/" + folder))) {
			return files.filter((file) -> file.toString().matches(".*\\.ya?ml"))
				.flatMap((file) -> this.<List<Map<String, Object>>>listOrEmpty(Repository.yaml(file).get(key)).stream())
				.toList();
		}
	}

	private static Path present(String relative) {
		Path path = Repository.path(relative);
		assertThat(path).as(relative).exists();
		return path;
	}

	private String mountTarget(String source) {
		List<String> volumes = Repository.at(this.compose, "services.grafana.volumes");
		return volumes.stream()
			.filter((volume) -> volume.startsWith(source + ":"))
			.map((volume) -> volume.split(":")[1])
			.findFirst()
			.orElseThrow(() -> new AssertionError("grafana does not mount " + source));
	}

	@SuppressWarnings("unchecked")
	private <T extends List<?>> T listOrEmpty(Object value) {
		return (T) ((value instanceof List<?> list) ? list : List.of());
	}

}
