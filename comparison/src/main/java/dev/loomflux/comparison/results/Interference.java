package dev.loomflux.comparison.results;

/**
 * What else used the machine during a step, from /proc: the hypervisor's steal, other
 * processes on the service's cores, and the databases the service waits on. Any figure
 * that could not be read is null.
 *
 * @param stealShare steal time over all CPU time of the machine during the step (0..1)
 * @param othersOnServiceCores busy share of the service's cores used by anything but the
 * service (0..1)
 * @param databaseCpuShare CPU that PostgreSQL and Redis used, in cores (0..n)
 * @param problem why the step's figures cannot be trusted, null when they can
 */
public record Interference(Double stealShare, Double othersOnServiceCores, Double databaseCpuShare, String problem) {
}
