package dev.loomflux.comparison.results;

/**
 * How a run judged interference, and whether it kept the databases off the service's
 * cores.
 *
 * @param maxStealShare steal over this share of the machine's CPU time invalidates a step
 * @param maxOthersOnServiceCores other tasks over this share of the service's core(s)
 * invalidate a step
 * @param databasesPinned whether PostgreSQL and Redis were pinned away from the service's
 * cores
 * @param databases what was done with them, and why
 */
public record InterferenceRules(double maxStealShare, double maxOthersOnServiceCores, boolean databasesPinned,
		String databases) {
}
