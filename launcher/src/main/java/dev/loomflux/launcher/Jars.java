package dev.loomflux.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a module's build left its executable jar. */
public final class Jars {

	private Jars() {
	}

	/**
	 * The executable jar in {@code <root>/<module>/target} ({@code module-VERSION.jar},
	 * not the {@code -plain} one).
	 */
	public static Path of(Path root, String module) throws IOException {
		Path target = root.resolve(module).resolve("target");
		if (!Files.isDirectory(target)) {
			throw new IllegalStateException("no " + target + ": build " + module + " first");
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().matches(module + "-[^-]+.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no jar in " + target + ": build " + module + " first"));
		}
	}

}
