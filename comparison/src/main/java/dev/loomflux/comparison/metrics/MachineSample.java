package dev.loomflux.comparison.metrics;

import java.nio.file.Path;

/**
 * What {@code /proc} said about the machine at one moment of a run: its CPU counters, the
 * service's CPU time, the databases' and every other process's. Any part that could not
 * be read is null.
 *
 * @param serviceTicks user + system time of the service's process, in clock ticks
 * @param databaseTicks CPU time of PostgreSQL and Redis ({@link DatabaseProcesses}), in
 * clock ticks
 * @param processes the CPU time of every process but the service, to name what else ran
 */
public record MachineSample(long timeMillis, CpuTimes cpu, Long serviceTicks, Long databaseTicks,
		ProcessTicks processes) {

	public MachineSample(long timeMillis, CpuTimes cpu, Long serviceTicks, Long databaseTicks) {
		this(timeMillis, cpu, serviceTicks, databaseTicks, null);
	}

	/**
	 * @param service the service's /proc figures, read by the caller (the scraper reads
	 * them once for this sample and its scrape); null where they could not be read
	 */
	static MachineSample take(Path proc, long servicePid, ProcStat service, long timeMillis) {
		CpuTimes cpu = CpuTimes.read(proc);
		ProcessTicks processes = ProcessTicks.read(proc, servicePid);
		return new MachineSample(timeMillis, cpu, (service != null) ? service.cpuTicks() : null,
				(processes != null) ? processes.ticksOf(DatabaseProcesses.NAMES) : null, processes);
	}

}
