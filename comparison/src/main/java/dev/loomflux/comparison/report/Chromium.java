package dev.loomflux.comparison.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, as the report's browser check and {@code ./loomflux publish} run it:
 * no sandbox (it runs as root in containers), no GPU, nothing fetched from the network,
 * and a fresh profile every time, so that no earlier run's state leaks in. Found from
 * {@code CHROMIUM_BIN}, else {@code chromium} or {@code chromium-browser} on the PATH
 * ({@code ./loomflux test} and {@code ./loomflux publish} install Debian's chromium).
 */
public final class Chromium {

	private static final long TIMEOUT_SECONDS = 120;

	private final Path binary;

	private Chromium(Path binary) {
		this.binary = binary;
	}

	public static Optional<Chromium> find() {
		String configured = System.getenv("CHROMIUM_BIN");
		if (configured != null && Files.isExecutable(Path.of(configured))) {
			return Optional.of(new Chromium(Path.of(configured)));
		}
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(":"))
			.filter((folder) -> !folder.isEmpty())
			.flatMap((folder) -> Stream.of("chromium", "chromium-browser").map((name) -> Path.of(folder, name)))
			.filter(Files::isExecutable)
			.findFirst()
			.map(Chromium::new);
	}

	/**
	 * Runs Chromium once with the given arguments (after the common flags) and returns
	 * what it wrote to stdout, e.g. the DOM for {@code --dump-dom}. Its profile is a new
	 * temporary folder, deleted afterwards.
	 * @throws IOException when it exits with an error or takes longer than two minutes
	 */
	public String run(String... arguments) throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("loomflux-chromium");
		try {
			List<String> command = new ArrayList<>(List.of(this.binary.toString(), "--headless", "--no-sandbox",
					"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
					"--virtual-time-budget=10000"));
			command.addAll(List.of(arguments));
			Path out = dir.resolve("out");
			Path err = dir.resolve("err");
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new IOException("chromium exited with " + process.exitValue() + ": " + Files.readString(err));
			}
			return Files.readString(out);
		}
		finally {
			deleteQuietly(dir);
		}
	}

	/**
	 * A helper process Chromium leaves behind may still write into its profile: a
	 * temporary folder left over harms nothing.
	 */
	private static void deleteQuietly(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// left for the system's temporary-file cleaning
		}
	}

}
