package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.loomflux.comparison.metrics.DatabaseProcesses;
import dev.loomflux.comparison.metrics.InterferenceMeter;
import dev.loomflux.comparison.results.InterferenceRules;
import dev.loomflux.launcher.Taskset;

/**
 * Keeps PostgreSQL and Redis off the service's cores for the run where the machine has
 * cores to spare (3 or more), and gives them back their CPUs afterwards. On 2 cores they
 * share the service's core: each step then records their CPU, and the efficiency figures
 * charge it per request. New PostgreSQL backends inherit the postmaster's CPUs.
 */
final class DatabasePinning implements AutoCloseable {

	private static final int FEWEST_CORES = 3;

	/** pid -> the CPU list it had before. */
	private final Map<Long, String> moved;

	private final InterferenceRules rules;

	private DatabasePinning(Map<Long, String> moved, InterferenceRules rules) {
		this.moved = moved;
		this.rules = rules;
	}

	static DatabasePinning pinAway(Settings settings, int cores) {
		Set<Integer> service = InterferenceMeter.cpus(settings.serviceCpus());
		if (service.isEmpty() || !Taskset.available()) {
			return unpinned("not pinned: the service itself is not pinned (needs taskset)");
		}
		if (cores < FEWEST_CORES) {
			return unpinned("not pinned: on " + cores + " cores PostgreSQL and Redis share the service's core; "
					+ "their CPU is recorded per step and charged per request");
		}
		String away = IntStream.range(0, cores)
			.filter((cpu) -> !service.contains(cpu))
			.mapToObj(Integer::toString)
			.collect(Collectors.joining(","));
		List<Long> pids = DatabaseProcesses.pids(Path.of("/proc"));
		if (pids.isEmpty()) {
			return unpinned("not pinned: no postgres or redis-server process visible in /proc "
					+ "(another host or container)");
		}
		Map<Long, String> moved = new LinkedHashMap<>();
		for (long pid : pids) {
			try {
				String before = Taskset.affinity(pid);
				Taskset.move(pid, away);
				moved.put(pid, before);
			}
			catch (IOException | RuntimeException ex) {
				new DatabasePinning(moved, null).close();
				return unpinned("not pinned: taskset could not move process " + pid + " (" + ex.getMessage()
						+ "); they may share the service's core");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				new DatabasePinning(moved, null).close();
				return unpinned("not pinned: interrupted");
			}
		}
		return new DatabasePinning(moved, rules(true, "PostgreSQL and Redis (" + pids.size()
				+ " processes) pinned to CPU(s) " + away + ", away from the service's " + settings.serviceCpus()));
	}

	InterferenceRules rules() {
		return this.rules;
	}

	/** Whether the databases may run on the service's cores. */
	boolean shareServiceCores() {
		return !this.rules.databasesPinned();
	}

	/** Gives each process back the CPUs it had; one that has ended is skipped. */
	@Override
	public void close() {
		this.moved.forEach((pid, cpus) -> {
			try {
				Taskset.move(pid, cpus);
			}
			catch (IOException | RuntimeException ex) {
				// the process ended during the run: nothing to give back
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	static DatabasePinning unpinned(String why) {
		return new DatabasePinning(Map.of(), rules(false, why));
	}

	private static InterferenceRules rules(boolean pinned, String databases) {
		return new InterferenceRules(InterferenceMeter.MAX_STEAL_SHARE, InterferenceMeter.MAX_OTHERS_ON_SERVICE_CORES,
				pinned, databases);
	}

}
