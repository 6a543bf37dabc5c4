package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and resident memory, read from /proc: what the OS says, whatever
 * the JVM reports about itself. {@code /proc/PID/stat} fields 14 and 15 are user and
 * system time in clock ticks (100 per second on Linux); {@code VmRSS} in
 * {@code /proc/PID/status} is in kB.
 */
public record ProcStat(long cpuTicks, double rssBytes) {

	/** Clock ticks per second (USER_HZ); 100 on every Linux this runs on. */
	public static final double TICKS_PER_SECOND = 100.0;

	/** Null when the process is gone. */
	public static ProcStat of(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command name (field 2) may hold spaces:
			// count fields after its closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			double rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToDouble((line) -> Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024)
				.findFirst()
				.orElse(Double.NaN);
			return new ProcStat(ticks, rss);
		}
		catch (IOException | RuntimeException gone) {
			return null;
		}
	}

}
