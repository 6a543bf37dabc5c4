package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.loomflux.comparison.results.Calibration;
import dev.loomflux.comparison.results.InterferenceRules;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.launcher.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The run manifest: git commit, JDK, JVM flags, pinning, machine, and every setting the
 * services ran with, read from the same YAML files the services read, so it cannot
 * disagree with them.
 */
final class ManifestFactory {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** Files whose settings the manifest records, with the prefix each gets. */
	private static final Map<String, String> CONFIGURATION = Map.of("shared",
			"shared-domain/src/main/resources/loomflux-common.yaml", "service-loom",
			"service-loom/src/main/resources/application.yaml", "service-reactive",
			"service-reactive/src/main/resources/application.yaml");

	private ManifestFactory() {
	}

	static Manifest create(String profile, Profile settings, Settings where, List<String> variants,
			List<String> scenarios, Source source, Instant startedAt, Double durationSeconds, List<String> notes,
			Map<String, Manifest.ModelThreads> threads, InterferenceRules interference, Calibration calibration,
			Calibration calibrationAtEnd) {
		return new Manifest(profile, settings.repeats(), source.commit(), source.dirty(), startedAt.toString(),
				durationSeconds, System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				ServiceProcess.JVM_FLAGS, where.serviceCpus(), where.loadCpus(), Machine.cpuModel(),
				Machine.onlineCores(), Machine.memoryBytes(), Machine.loadAverage(), source.configuration(), variants,
				scenarios, notes, threads, interference, !settings.verdicts(), calibration, calibrationAtEnd);
	}

	/**
	 * What the run measures, read when it starts, right after {@code ./loomflux compare}
	 * built the jars from the working tree: read at the end, a commit made or a file
	 * edited while the run went on (an hour in full) would be recorded as what it
	 * measured.
	 *
	 * @param commit the checked-out commit
	 * @param dirty whether tracked files differed from it
	 * @param configuration the services' settings ({@link #configuration})
	 */
	record Source(String commit, boolean dirty, Map<String, String> configuration) {

		static Source now() {
			return new Source(git("rev-parse", "HEAD"), !git("status", "--porcelain", "--untracked-files=no").isEmpty(),
					ManifestFactory.configuration(Path.of(".")));
		}

	}

	/**
	 * Every leaf of the services' YAML files, flattened:
	 * {@code shared: bff.db.pool-size -> 20}.
	 */
	static Map<String, String> configuration(Path repositoryRoot) {
		Map<String, String> flat = new TreeMap<>();
		CONFIGURATION.forEach((prefix, file) -> {
			try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
				.readValues(Files.readString(repositoryRoot.resolve(file)))) {
				while (documents.hasNext()) {
					JsonNode root = documents.next();
					String profile = root.path("spring")
						.path("config")
						.path("activate")
						.path("on-profile")
						.asString("");
					String name = profile.isEmpty() ? prefix : prefix + "[" + profile + "]";
					flatten(name + ": ", root, flat);
				}
			}
			catch (IOException | RuntimeException ex) {
				flat.put(prefix, "unreadable: " + ex.getMessage());
			}
		});
		flat.keySet().removeIf((key) -> key.endsWith("password"));
		return flat;
	}

	private static void flatten(String path, JsonNode node, Map<String, String> flat) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String separator = path.endsWith(": ") ? "" : ".";
				flatten(path + separator + field.getKey(), field.getValue(), flat);
			}
		}
		else {
			flat.put(path, node.isArray() ? node.toString() : node.asString());
		}
	}

	static String git(String... arguments) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(arguments));
		try {
			Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (git.waitFor() == 0) ? output : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
