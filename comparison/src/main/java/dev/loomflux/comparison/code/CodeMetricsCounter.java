package dev.loomflux.comparison.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.loomflux.comparison.results.CodeMetrics;

/**
 * Counts the two implementations of each feature (claim C13): for every feature package
 * of service-loom and its twin in service-reactive, the non-blank non-comment lines, the
 * deepest nesting inside a method and the Reactor operator calls. The rules of each count
 * are in {@link SourceMetrics}.
 */
public final class CodeMetricsCounter {

	/** The feature packages both services have, in the order the ledger shows them. */
	public static final List<String> FEATURES = List.of("catalog", "cart", "home", "orders", "insights", "prices");

	/** The services counted, loom first. */
	public static final List<String> SERVICES = List.of("service-loom", "service-reactive");

	/**
	 * Where the feature packages live in each service: both use the same package names
	 * ({@code dev.loomflux.bff.catalog}, ...) so that the trees diff file by file.
	 */
	static final Path PACKAGE_ROOT = Path.of("src", "main", "java", "dev", "loomflux", "bff");

	private CodeMetricsCounter() {
	}

	/**
	 * Counts every feature of both services under a checkout of the repository. A feature
	 * package that a service does not have is left out (not counted as zero).
	 * @param repositoryRoot the folder holding {@code service-loom} and
	 * {@code service-reactive}
	 * @return one entry per feature and service: per feature, loom then reactive
	 */
	public static List<CodeMetrics> count(Path repositoryRoot) {
		List<CodeMetrics> metrics = new ArrayList<>();
		for (String feature : FEATURES) {
			for (String service : SERVICES) {
				Path dir = repositoryRoot.resolve(service).resolve(PACKAGE_ROOT).resolve(feature);
				if (Files.isDirectory(dir)) {
					metrics.add(countPackage(feature, service, dir));
				}
			}
		}
		return List.copyOf(metrics);
	}

	private static CodeMetrics countPackage(String feature, String service, Path dir) {
		int lines = 0;
		int maxNesting = 0;
		int operators = 0;
		for (Path file : javaFiles(dir)) {
			SourceMetrics source = SourceMetrics.of(read(file));
			lines += source.lines();
			maxNesting = Math.max(maxNesting, source.maxNesting());
			operators += source.reactorOperators();
		}
		return new CodeMetrics(feature, service, lines, maxNesting, operators);
	}

	/** The package's own files; sub-packages are not part of the feature. */
	private static List<Path> javaFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + dir, ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
