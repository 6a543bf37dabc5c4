package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CPU time of every process on the machine at one moment, with its command name, from
 * {@code /proc/PID/stat}: the databases' share of it, and, when a step lost its core to
 * other processes, which ones used the most meanwhile.
 */
public final class ProcessTicks {

	private final Map<Long, Process> byPid;

	private ProcessTicks(Map<Long, Process> byPid) {
		this.byPid = byPid;
	}

	/**
	 * Every process but {@code excludedPid} (the service, counted on its own); null when
	 * /proc cannot be listed.
	 */
	static ProcessTicks read(Path proc, long excludedPid) {
		Map<Long, Process> byPid = new HashMap<>();
		try (Stream<Path> entries = Files.list(proc)) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				String name = entry.getFileName().toString();
				if (!name.matches("[0-9]+") || Long.parseLong(name) == excludedPid) {
					continue;
				}
				try {
					byPid.put(Long.parseLong(name), Process.parse(Files.readString(entry.resolve("stat"))));
				}
				catch (IOException | RuntimeException gone) {
					// ended between the listing and the read
				}
			}
		}
		catch (IOException ex) {
			return null;
		}
		return new ProcessTicks(byPid);
	}

	/**
	 * The ticks of the processes with one of these command names; null if there are none.
	 */
	Long ticksOf(Set<String> commands) {
		List<Process> matching = this.byPid.values()
			.stream()
			.filter((process) -> commands.contains(process.command()))
			.toList();
		return matching.isEmpty() ? null : matching.stream().mapToLong(Process::ticks).sum();
	}

	/**
	 * The processes that used CPU since {@code before} (a process that started meanwhile
	 * counts from zero), most first, leaving out the commands given.
	 */
	List<Used> busiestSince(ProcessTicks before, Set<String> leftOut) {
		return this.byPid.entrySet()
			.stream()
			.filter((entry) -> !leftOut.contains(entry.getValue().command()))
			.map((entry) -> {
				Process earlier = before.byPid.get(entry.getKey());
				long ticks = entry.getValue().ticks() - ((earlier != null) ? earlier.ticks() : 0);
				return new Used(entry.getKey(), entry.getValue().command(), ticks);
			})
			.filter((used) -> used.ticks() > 0)
			.sorted(Comparator.comparingLong(Used::ticks).reversed())
			.toList();
	}

	/**
	 * @param command the command name ({@code comm})
	 * @param ticks user and system time of the process and of its children that have
	 * exited (fields 14-17 of {@code /proc/PID/stat}), so that a PostgreSQL backend that
	 * ends does not take its time with it (the postmaster reaps it)
	 */
	record Process(String command, long ticks) {

		static Process parse(String stat) {
			String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = 0;
			for (int field = 11; field <= 14; field++) {
				ticks += Long.parseLong(fields[field]);
			}
			return new Process(command, ticks);
		}

	}

	/** CPU a process used between two readings. */
	record Used(long pid, String command, long ticks) {
	}

}
