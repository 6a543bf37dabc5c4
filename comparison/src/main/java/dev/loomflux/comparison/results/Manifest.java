package dev.loomflux.comparison.results;

import java.util.List;
import java.util.Map;

/**
 * The conditions of a run, recorded so that anyone can tell what the figures mean and
 * rerun them.
 *
 * @param profile {@code smoke}, {@code quick} or {@code full}
 * @param repeats how many times each scenario ran per variant
 * @param gitCommit the commit the services were built from; {@code gitDirty} whether the
 * tree had changes
 * @param startedAt ISO-8601 instant; {@code durationSeconds} the whole run
 * @param jdk the JVM the services ran on
 * @param jvmFlags the flags every service JVM got (identical for all variants)
 * @param serviceCpus CPUs the service under test was pinned to (taskset list)
 * @param loadCpus CPUs Gatling and the downstream stub were pinned to
 * @param cpuModel from /proc/cpuinfo; {@code cores} online processors of the machine
 * @param memoryBytes the machine's memory
 * @param loadAverageAtStart 1-minute load average when the run began: how quiet the
 * machine was
 * @param settings every pool size, timeout and limit the services ran with (the shared
 * configuration, flattened: {@code bff.db.pool-size -> 20})
 * @param variants the variants measured, in order; {@code scenarios} the scenarios run
 * @param notes anything the run noticed about its own conditions (a variant that failed
 * to start, a missing tool)
 * @param verdictsWithheld whether the profile gives no verdicts (smoke): then the run
 * computes no claims ledger; absent ({@code false}) in runs recorded before there was a
 * smoke profile
 */
public record Manifest(String profile, int repeats, String gitCommit, boolean gitDirty, String startedAt,
		Double durationSeconds, String jdk, List<String> jvmFlags, String serviceCpus, String loadCpus, String cpuModel,
		int cores, long memoryBytes, Double loadAverageAtStart, Map<String, String> settings, List<String> variants,
		List<String> scenarios, List<String> notes, Boolean verdictsWithheld) {

	public Manifest {
		verdictsWithheld = (verdictsWithheld != null) && verdictsWithheld;
	}

}
