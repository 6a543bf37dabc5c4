package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.loomflux.comparison.results.Interference;

/**
 * How much else used the machine between two {@link MachineSample}s, and whether that was
 * too much for the step's figures to be the service's: the thresholds live here, in one
 * place.
 */
public final class InterferenceMeter {

	/**
	 * Steal over this share of the machine's CPU time invalidates a step. The hypervisor
	 * took 1-10 % over 10 s runs on the shared VM this was built on; above 5 % a step's
	 * latency and throughput move by more than the step spacing resolves.
	 */
	public static final double MAX_STEAL_SHARE = 0.05;

	/**
	 * Other tasks using over this share of the service's core(s) invalidate a step: the
	 * service then had at most 90 % of the CPU the knee assumes it had.
	 */
	public static final double MAX_OTHERS_ON_SERVICE_CORES = 0.10;

	private static final String OTHERS = "other processes";

	/** How many of the busiest other processes a step lost to them names. */
	static final int NAMED_PROCESSES = 3;

	private final Set<Integer> serviceCpus;

	private final boolean databasesShareServiceCpus;

	/** Where to read which CPUs a process may run on. */
	private final Path proc;

	/**
	 * @param serviceCpus the CPUs the service is pinned to; empty when it is not pinned
	 * (then nothing can be told about its core)
	 * @param databasesShareServiceCpus whether PostgreSQL and Redis may run on the
	 * service's CPUs: their CPU is then the service's own downstream work, charged per
	 * request, and not held against the step
	 */
	public InterferenceMeter(Set<Integer> serviceCpus, boolean databasesShareServiceCpus) {
		this(serviceCpus, databasesShareServiceCpus, Path.of("/proc"));
	}

	InterferenceMeter(Set<Integer> serviceCpus, boolean databasesShareServiceCpus, Path proc) {
		this.serviceCpus = serviceCpus;
		this.databasesShareServiceCpus = databasesShareServiceCpus;
		this.proc = proc;
	}

	/**
	 * The interference over a window, from the last sample at or before its start to the
	 * first at or after its end (as {@link Windows#stats} takes its counters); null when
	 * there are not two such samples.
	 */
	public Interference over(List<MachineSample> samples, long startMillis, long endMillis) {
		MachineSample before = samples.stream()
			.filter((sample) -> sample.timeMillis() <= startMillis)
			.reduce((first, second) -> second)
			.orElse(null);
		MachineSample after = samples.stream()
			.filter((sample) -> sample.timeMillis() >= endMillis)
			.findFirst()
			.orElse(null);
		return (before != null && after != null && before != after) ? between(before, after) : null;
	}

	public Interference between(MachineSample before, MachineSample after) {
		Double steal = null;
		Double others = null;
		Double databases = null;
		Double databasesOnServiceCores = null;
		Long databaseTicks = difference(before.databaseTicks(), after.databaseTicks());
		if (before.cpu() != null && after.cpu() != null) {
			long total = after.cpu().all().total() - before.cpu().all().total();
			if (total > 0) {
				steal = (double) (after.cpu().all().steal() - before.cpu().all().steal()) / total;
			}
			long serviceCoresTotal = 0;
			long serviceCoresTasks = 0;
			for (int cpu : this.serviceCpus) {
				CpuTimes.Line first = before.cpu().cpus().get(cpu);
				CpuTimes.Line last = after.cpu().cpus().get(cpu);
				if (first != null && last != null) {
					serviceCoresTotal += last.total() - first.total();
					serviceCoresTasks += last.tasks() - first.tasks();
				}
			}
			Long service = difference(before.serviceTicks(), after.serviceTicks());
			if (serviceCoresTotal > 0 && service != null) {
				// the service's ticks and the CPUs' are read a moment apart:
				// a few ticks of skew must not give a negative share
				others = Math.max(0.0, (double) (serviceCoresTasks - service) / serviceCoresTotal);
			}
			if (databaseTicks != null && serviceCoresTotal > 0) {
				databasesOnServiceCores = (double) databaseTicks / serviceCoresTotal;
			}
		}
		double seconds = (after.timeMillis() - before.timeMillis()) / 1000.0;
		if (databaseTicks != null && seconds > 0) {
			databases = databaseTicks / ProcStat.TICKS_PER_SECOND / seconds;
		}
		String problem = problem(steal, others, databasesOnServiceCores);
		if (problem != null && problem.startsWith(OTHERS)) {
			problem += busiestOthers(before, after);
		}
		return new Interference(steal, others, databases, problem);
	}

	/**
	 * The processes that used the most CPU between the samples among those allowed on the
	 * service's cores (a process whose CPUs cannot be read, having ended, counts), as
	 * {@code "; busiest others allowed there: beam.smp (pid 2963) 310 ms, ..."}; empty
	 * when the samples carry no process times. Their time may have been spent on other
	 * cores too: they are the suspects, not a measurement per core.
	 */
	private String busiestOthers(MachineSample before, MachineSample after) {
		if (before.processes() == null || after.processes() == null) {
			return "";
		}
		List<String> named = after.processes()
			.busiestSince(before.processes(), DatabaseProcesses.NAMES)
			.stream()
			.filter((used) -> mayRunOnServiceCpus(used.pid()))
			.limit(NAMED_PROCESSES)
			.map((used) -> String.format(Locale.ROOT, "%s (pid %d) %.0f ms", used.command(), used.pid(),
					used.ticks() * 1000 / ProcStat.TICKS_PER_SECOND))
			.toList();
		return named.isEmpty() ? "" : "; busiest others allowed there: " + String.join(", ", named);
	}

	private boolean mayRunOnServiceCpus(long pid) {
		try {
			for (String line : Files.readAllLines(this.proc.resolve(Long.toString(pid)).resolve("status"))) {
				if (line.startsWith("Cpus_allowed_list:")) {
					Set<Integer> allowed = cpus(line.substring(line.indexOf(':') + 1));
					return allowed.stream().anyMatch(this.serviceCpus::contains);
				}
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// ended since, or not Linux's /proc: it may have run there
		}
		return true;
	}

	/**
	 * Why a step's figures are not the service's, or null. Where the databases may share
	 * the service's core, their CPU is taken off the others' share first, all of it (as
	 * if it all ran there): it is work the service's requests caused.
	 */
	String problem(Double steal, Double others, Double databasesOnServiceCores) {
		if (steal != null && steal > MAX_STEAL_SHARE) {
			return String.format(Locale.ROOT, "steal took %.1f %% of the machine's CPU time (limit %.0f %%)",
					steal * 100, MAX_STEAL_SHARE * 100);
		}
		double foreign = (others != null) ? others : 0;
		if (this.databasesShareServiceCpus && databasesOnServiceCores != null) {
			foreign = Math.max(0, foreign - databasesOnServiceCores);
		}
		if (others != null && foreign > MAX_OTHERS_ON_SERVICE_CORES) {
			return String.format(Locale.ROOT, OTHERS + " used %.1f %% of the service's core(s)%s (limit %.0f %%)",
					foreign * 100, this.databasesShareServiceCpus ? ", beyond the databases" : "",
					MAX_OTHERS_ON_SERVICE_CORES * 100);
		}
		return null;
	}

	/** The CPUs of a taskset list ("1" , "0-1", "1,3"); empty for none (unpinned). */
	public static Set<Integer> cpus(String list) {
		Set<Integer> cpus = new TreeSet<>();
		if (list == null || list.isBlank()) {
			return cpus;
		}
		for (String part : list.split(",")) {
			String[] range = part.strip().split("-");
			int first = Integer.parseInt(range[0].strip());
			int last = (range.length == 2) ? Integer.parseInt(range[1].strip()) : first;
			for (int cpu = first; cpu <= last; cpu++) {
				cpus.add(cpu);
			}
		}
		return cpus;
	}

	private static Long difference(Long before, Long after) {
		return (before != null && after != null) ? after - before : null;
	}

}
