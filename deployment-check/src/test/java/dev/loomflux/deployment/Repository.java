package dev.loomflux.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The source tree these checks read: Maven runs the tests in deployment-check/, so the
 * repository root is its parent.
 */
final class Repository {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private Repository() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	/** Every YAML document of a file, merge keys and aliases resolved. */
	static List<Map<String, Object>> yamlDocuments(Path file) {
		try {
			return yamlDocuments(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yamlDocuments(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(text)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	static Map<String, Object> yaml(Path file) {
		return yamlDocuments(file).getFirst();
	}

	/** The value at a dotted path of nested maps, or null. */
	@SuppressWarnings("unchecked")
	static <T> T at(Map<String, Object> map, String dottedPath) {
		Object current = map;
		for (String key : dottedPath.split("\\.")) {
			if (!(current instanceof Map<?, ?> nested)) {
				return null;
			}
			current = nested.get(key);
		}
		return (T) current;
	}

}
