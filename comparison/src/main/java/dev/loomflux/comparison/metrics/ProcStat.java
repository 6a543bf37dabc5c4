package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.loomflux.launcher.ProcCpu;

/**
 * A process's CPU time and resident memory, read from /proc: what the OS says, whatever
 * the JVM reports about itself. {@code /proc/PID/stat} fields 14 and 15 are user and
 * system time in clock ticks (100 per second on Linux); {@code VmRSS} in
 * {@code /proc/PID/status} is in kB.
 *
 * @param jitTicks CPU time of the JVM's live JIT compiler threads ({@code C1/C2
 * CompilerThreadN}, by their name in {@code /proc/PID/task/TID/comm}), in clock ticks;
 * null when they could not be read. Not the JVM's own total compilation time
 * ({@code jvm_compilation_time_ms_total}), which is elapsed time: on one core it counts
 * the compiler's waits for the CPU too. A compiler thread that ends takes its time with
 * it, so the sum can fall.
 */
public record ProcStat(long cpuTicks, double rssBytes, Long jitTicks) {

	/** Clock ticks per second (USER_HZ); 100 on every Linux this runs on. */
	public static final double TICKS_PER_SECOND = ProcCpu.TICKS_PER_SECOND;

	/** CPU ticks of the tasks under {@code tasks} named like a JIT compiler thread. */
	static Long jitTicks(Path tasks) {
		long ticks = 0;
		try {
			for (Path thread : compilerThreads(tasks)) {
				ticks += ProcCpu.ticks(Files.readString(thread.resolve("stat")));
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The tasks under {@code tasks} named like a JIT compiler thread. */
	private static List<Path> compilerThreads(Path tasks) throws IOException {
		try (Stream<Path> threads = Files.list(tasks)) {
			return threads.filter(ProcStat::isCompiler).toList();
		}
	}

	/**
	 * CPU ticks of a process's JIT compiler threads; null when the process is gone or
	 * they could not be read.
	 */
	public static Long jitTicksOf(long pid) {
		return jitTicks(Path.of("/proc", Long.toString(pid), "task"));
	}

	/**
	 * The thread ids of a process's live JIT compiler threads; empty when the process is
	 * gone.
	 */
	public static List<Long> compilerThreadsOf(long pid) {
		try {
			return compilerThreads(Path.of("/proc", Long.toString(pid), "task")).stream()
				.map((thread) -> Long.valueOf(thread.getFileName().toString()))
				.toList();
		}
		catch (IOException | RuntimeException gone) {
			return List.of();
		}
	}

	/** Null when the process is gone. */
	public static ProcStat of(long pid) {
		try {
			long ticks = ProcCpu.ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
			double rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToDouble((line) -> Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024)
				.findFirst()
				.orElse(Double.NaN);
			return new ProcStat(ticks, rss, jitTicks(Path.of("/proc", Long.toString(pid), "task")));
		}
		catch (IOException | RuntimeException gone) {
			return null;
		}
	}

	private static boolean isCompiler(Path thread) {
		try {
			String name = Files.readString(thread.resolve("comm"));
			return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
