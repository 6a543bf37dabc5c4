package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine's CPU time counters from {@code /proc/stat}, in clock ticks since boot: the
 * {@code cpu} line (all CPUs) and one {@code cpuN} line per CPU. Fields, in order: user,
 * nice, system, idle, iowait, irq, softirq, steal (guest time is already inside user and
 * nice, so it is not added again).
 *
 * @param all the {@code cpu} line
 * @param cpus CPU number -> its {@code cpuN} line
 */
public record CpuTimes(Line all, Map<Integer, Line> cpus) {

	/** One line of counters. */
	public record Line(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

		/** Every tick the CPU accounted, steal included. */
		long total() {
			return this.user + this.nice + this.system + this.idle + this.iowait + this.irq + this.softirq + this.steal;
		}

		/**
		 * Ticks spent running tasks (user, nice, system): what a process's own utime and
		 * stime are counted in. Interrupts are left out: a process's packets are served
		 * in softirq on whatever CPU, and no process is charged for them.
		 */
		long tasks() {
			return this.user + this.nice + this.system;
		}

		static Line parse(String[] fields) {
			long[] values = new long[8];
			for (int i = 0; i < values.length && i + 1 < fields.length; i++) {
				values[i] = Long.parseLong(fields[i + 1]);
			}
			return new Line(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
		}

	}

	/** The counters of {@code /proc/stat}'s text. */
	public static CpuTimes parse(String text) {
		Line all = null;
		Map<Integer, Line> cpus = new TreeMap<>();
		for (String line : text.split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (fields[0].equals("cpu")) {
				all = Line.parse(fields);
			}
			else if (fields[0].startsWith("cpu")) {
				cpus.put(Integer.parseInt(fields[0].substring(3)), Line.parse(fields));
			}
		}
		if (all == null) {
			throw new IllegalArgumentException("no cpu line in /proc/stat");
		}
		return new CpuTimes(all, cpus);
	}

	/** Null where /proc/stat cannot be read (not Linux). */
	static CpuTimes read(Path proc) {
		try {
			return parse(Files.readString(proc.resolve("stat")));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
