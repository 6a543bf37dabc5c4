package dev.loomflux.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * kustomize reads no file outside an overlay, so the monitoring overlay holds committed
 * copies of what observability/ defines once (the Grafana dashboards, the alert rules);
 * k8s/overlays/monitoring/sync-observability.sh writes them. These checks fail as soon as
 * a copy differs from its source, and if anything under k8s/ is git-ignored (a fresh
 * clone or a GitOps tool would not have it, and the overlay would not render there).
 */
class ObservabilityCopiesTest {

	private static final Path SOURCE = Repository.path("observability/grafana/dashboards");

	private static final Path COPY = Repository.path("k8s/overlays/monitoring/dashboards");

	@Test
	void shouldHoldAnIdenticalCopyOfEveryGrafanaDashboard() throws IOException {
		List<String> sources = jsonFiles(SOURCE);

		assertThat(sources).isNotEmpty();
		assertThat(jsonFiles(COPY)).as("dashboards in %s (run sync-observability.sh)", COPY).isEqualTo(sources);
		for (String name : sources) {
			assertThat(Files.readString(COPY.resolve(name))).as("%s (run sync-observability.sh)", name)
				.isEqualTo(Files.readString(SOURCE.resolve(name)));
		}
	}

	@Test
	void shouldGenerateTheDashboardsConfigMapFromEveryCopy() throws IOException {
		List<String> files = Repository.<List<java.util.Map<String, Object>>>at(
				Repository.yaml(COPY.resolve("kustomization.yaml")), "configMapGenerator")
			.stream()
			.flatMap((generator) -> Repository.<List<String>>at(generator, "files").stream())
			.toList();

		assertThat(files).containsExactlyInAnyOrderElementsOf(jsonFiles(SOURCE));
	}

	@Test
	void shouldIgnoreNothingUnderK8s() throws Exception {
		assumeTrue(Files.exists(Repository.path(".git")), "not a git checkout: skipping the git-ignored check");
		Process git = new ProcessBuilder("git", "-C", Repository.ROOT.toString(), "ls-files", "--others", "--ignored",
				"--exclude-standard", "--directory", "k8s")
			.redirectErrorStream(true)
			.start();
		String ignored = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assumeTrue(git.exitValue() == 0, "git ls-files failed: " + ignored);

		assertThat(ignored).as("git-ignored files under k8s/").isBlank();
	}

	private static List<String> jsonFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.sorted()
				.toList();
		}
	}

}
