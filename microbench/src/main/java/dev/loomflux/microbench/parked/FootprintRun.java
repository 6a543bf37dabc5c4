package dev.loomflux.microbench.parked;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.loomflux.microbench.Json;
import dev.loomflux.microbench.MicrobenchReport.Parked;

/**
 * Claim C7: forks one fresh JVM per parked kind (and repeat), so that one kind's threads,
 * classes and heap high-water mark cannot pollute another's figures, and keeps the median
 * of the repeats.
 */
public final class FootprintRun {

	/**
	 * Serial GC and a fixed heap: full GCs compact, nothing is uncommitted between the
	 * two readings. 512 MB holds 20,000 parked tasks of any kind with room to spare.
	 */
	static final List<String> CHILD_JVM_ARGS = List.of("-XX:+UseSerialGC", "-Xms512m", "-Xmx512m");

	private static final long CHILD_TIMEOUT_SECONDS = 120;

	private FootprintRun() {
	}

	/**
	 * @param parked the median per kind, for the kinds that could be measured
	 * @param failures one line per child JVM that failed
	 */
	public record Result(List<Parked> parked, List<String> failures) {
	}

	public static Result run(int count, int repeats) {
		List<Parked> medians = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (ParkedKind kind : ParkedKind.values()) {
			List<Parked> runs = new ArrayList<>();
			for (int i = 0; i < repeats; i++) {
				try {
					runs.add(measureInChild(kind, count));
				}
				catch (IOException | RuntimeException ex) {
					failures.add(kind.reportName() + ": " + ex.getMessage());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failures.add(kind.reportName() + ": interrupted");
				}
			}
			if (!runs.isEmpty()) {
				medians.add(new Parked(kind.reportName(), count, median(runs, Parked::heapBytesPerTask),
						runs.stream().anyMatch((run) -> run.rssBytesPerTask() == null) ? null
								: median(runs, Parked::rssBytesPerTask)));
			}
		}
		return new Result(medians, failures);
	}

	public static String conditions(int count, int repeats) {
		return "parked: N=%d per kind, median of %d fresh JVM(s) per kind (%s), 4 frames of ours deep; heap after full GC, RSS = VmRSS delta"
			.formatted(count, repeats, String.join(" ", CHILD_JVM_ARGS));
	}

	private static Parked measureInChild(ParkedKind kind, int count) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(CHILD_JVM_ARGS);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ParkedFootprint.class.getName());
		command.add(kind.reportName());
		command.add(Integer.toString(count));
		// output to a file, not a pipe:
		// a hung child must not block the read past the timeout
		Path log = Files.createTempFile("microbench-" + kind.reportName(), ".log");
		try {
			Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				child.destroyForcibly();
				throw new IOException("child JVM did not finish within " + CHILD_TIMEOUT_SECONDS + " s");
			}
			List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
			String result = output.stream()
				.filter((line) -> line.startsWith(ParkedFootprint.RESULT_PREFIX))
				.findFirst()
				.orElseThrow(() -> new IOException("child JVM exited with " + child.exitValue() + " and no result: "
						+ String.join(" | ", output.subList(Math.max(0, output.size() - 5), output.size()))));
			return Json.MAPPER.readValue(result.substring(ParkedFootprint.RESULT_PREFIX.length()), Parked.class);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private static Double median(List<Parked> runs, ToDoubleFunction<Parked> figure) {
		List<Double> sorted = runs.stream().map(figure::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
		return sorted.get(sorted.size() / 2);
	}

}
