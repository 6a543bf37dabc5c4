package dev.loomflux.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU pinning with {@code taskset}: a CPU list such as {@code "1"}, {@code "0-1"} or
 * {@code "1,3"}; null or blank for no pinning. Where taskset is missing nothing is
 * pinned.
 */
public final class Taskset {

	private Taskset() {
	}

	public static boolean available() {
		return Files.isExecutable(Path.of("/usr/bin/taskset"));
	}

	/** The prefix that starts a command on {@code cpus}; empty when unpinned. */
	static List<String> prefix(String cpus) {
		return pinned(cpus) ? List.of("taskset", "-c", cpus) : List.of();
	}

	/**
	 * Moves every thread of a running process to {@code cpus} (its pools keep the sizes
	 * they chose at start-up); the comparison moves the databases away from the service's
	 * CPUs with it.
	 */
	public static void move(long pid, String cpus) throws IOException, InterruptedException {
		if (!pinned(cpus)) {
			return;
		}
		run("-a", "-p", "-c", cpus, Long.toString(pid));
	}

	/**
	 * Moves one thread ({@code tid}, from {@code /proc/PID/task}) to {@code cpus}, the
	 * rest of its process staying where it is.
	 */
	public static void moveThread(long tid, String cpus) throws IOException, InterruptedException {
		if (!pinned(cpus)) {
			return;
		}
		run("-p", "-c", cpus, Long.toString(tid));
	}

	/**
	 * The CPUs a running process (or one of its threads, by tid) may use, as taskset
	 * lists them ("0,1", "0-3").
	 */
	public static String affinity(long pid) throws IOException, InterruptedException {
		// "pid 2201's current affinity list: 0,1"
		String output = run("-c", "-p", Long.toString(pid));
		return output.substring(output.lastIndexOf(':') + 1).strip();
	}

	private static String run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("taskset"));
		command.addAll(List.of(arguments));
		Process taskset = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(taskset.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
			.strip();
		if (taskset.waitFor() != 0) {
			throw new IllegalStateException("taskset " + String.join(" ", arguments) + ": " + output);
		}
		return output;
	}

	/** How many CPUs a list names ("1" -> 1, "0-1" -> 2, "1,3" -> 2); 1 when unpinned. */
	public static int count(String cpus) {
		if (cpus == null || cpus.isBlank()) {
			return 1;
		}
		int cores = 0;
		for (String part : cpus.split(",")) {
			String[] range = part.strip().split("-");
			cores += (range.length == 2) ? Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1 : 1;
		}
		return cores;
	}

	private static boolean pinned(String cpus) {
		return cpus != null && !cpus.isBlank() && available();
	}

}
