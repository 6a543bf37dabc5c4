package dev.loomflux.comparison.metrics;

import java.nio.file.Path;

/**
 * What {@code /proc} said about the machine at one moment of a run: its CPU counters, the
 * service's CPU time and the databases'. Any part that could not be read is null.
 *
 * @param serviceTicks user + system time of the service's process, in clock ticks
 * @param databaseTicks CPU time of PostgreSQL and Redis ({@link DatabaseProcesses}), in
 * clock ticks
 */
public record MachineSample(long timeMillis, CpuTimes cpu, Long serviceTicks, Long databaseTicks) {

	static MachineSample take(Path proc, long servicePid, long timeMillis) {
		CpuTimes cpu = CpuTimes.read(proc);
		ProcStat service = ProcStat.of(servicePid);
		return new MachineSample(timeMillis, cpu, (service != null) ? service.cpuTicks() : null,
				DatabaseProcesses.cpuTicks(proc));
	}

}
