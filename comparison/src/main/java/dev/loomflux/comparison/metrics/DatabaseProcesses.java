package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PostgreSQL and Redis processes on this machine, found by their command name in
 * {@code /proc}: what the service waits on, and what may run on its core (their CPU time
 * is summed from {@link ProcessTicks}).
 */
public final class DatabaseProcesses {

	/**
	 * Command names ({@code /proc/PID/comm}): every PostgreSQL process is
	 * {@code postgres}; Redis is {@code redis-server}, its snapshot child
	 * {@code redis-rdb-bgsave}.
	 */
	static final Set<String> NAMES = Set.of("postgres", "redis-server", "redis-rdb-bgsave");

	private DatabaseProcesses() {
	}

	/** Their process ids; empty where there are none or /proc cannot be read. */
	public static List<Long> pids(Path proc) {
		try (Stream<Path> entries = Files.list(proc)) {
			return entries.filter((entry) -> entry.getFileName().toString().matches("[0-9]+"))
				.filter((entry) -> NAMES.contains(comm(entry)))
				.map((entry) -> Long.parseLong(entry.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static String comm(Path process) {
		try {
			return Files.readString(process.resolve("comm")).strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
