package dev.loomflux.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders k8s/ directories with {@code kubectl kustomize}, once per directory per test
 * run.
 */
final class Kustomize {

	static final List<String> DIRECTORIES = List.of("k8s/base", "k8s/overlays/load-test", "k8s/overlays/monitoring",
			"k8s/overlays/scale", "k8s/overlays/small");

	private static final Map<String, String> rendered = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	/** The rendered objects, each read strictly into the Kubernetes model. */
	static List<HasMetadata> objects(String directory) {
		return manifests(directory).stream().map(StrictKubernetes::read).toList();
	}

	static List<Map<String, Object>> manifests(String directory) {
		return Repository.yamlDocuments(render(directory));
	}

	static String render(String directory) {
		assumeTrue(kubectl() != null,
				"kubectl not found (/usr/bin/kubectl, /usr/local/bin/kubectl or on PATH): skipping the kustomize checks");
		return rendered.computeIfAbsent(directory, Kustomize::run);
	}

	/**
	 * The directory as committed: nothing is generated first, so what renders here
	 * renders from a fresh clone and for a GitOps tool (ObservabilityCopiesTest keeps the
	 * copies the monitoring overlay holds in sync with observability/).
	 */
	private static String run(String directory) {
		return exec(List.of(kubectl(), "kustomize", Repository.path(directory).toString()));
	}

	private static String exec(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + " could not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String kubectl() {
		for (String candidate : List.of("/usr/bin/kubectl", "/usr/local/bin/kubectl")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
				return Path.of(dir, "kubectl").toString();
			}
		}
		return null;
	}

}
