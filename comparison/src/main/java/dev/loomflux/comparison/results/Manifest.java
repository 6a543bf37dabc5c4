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
 * @param threads per variant, the threads its concurrency model ran on, read from the
 * running service after its warm-up
 * @param interference the thresholds that invalidate a step, and whether the databases
 * were pinned away from the service's cores; null in runs recorded before it
 * @param verdictsWithheld whether the profile gives no verdicts (smoke): then the run
 * computes no claims ledger; absent ({@code false}) in runs recorded before there was a
 * smoke profile
 * @param calibration what a trip through the machine's kernel cost at the start; null in
 * runs recorded before it
 * @param calibrationAtEnd the same measured again after the last variant, so that a
 * machine that changed during the run shows it; null in runs recorded before it
 */
public record Manifest(String profile, int repeats, String gitCommit, boolean gitDirty, String startedAt,
		Double durationSeconds, String jdk, List<String> jvmFlags, String serviceCpus, String loadCpus, String cpuModel,
		int cores, long memoryBytes, Double loadAverageAtStart, Map<String, String> settings, List<String> variants,
		List<String> scenarios, List<String> notes, Map<String, ModelThreads> threads, InterferenceRules interference,
		Boolean verdictsWithheld, Calibration calibration, Calibration calibrationAtEnd) {

	public Manifest {
		verdictsWithheld = (verdictsWithheld != null) && verdictsWithheld;
	}

	/** The same manifest with other notes. */
	public Manifest withNotes(List<String> others) {
		return new Manifest(this.profile, this.repeats, this.gitCommit, this.gitDirty, this.startedAt,
				this.durationSeconds, this.jdk, this.jvmFlags, this.serviceCpus, this.loadCpus, this.cpuModel,
				this.cores, this.memoryBytes, this.loadAverageAtStart, this.settings, this.variants, this.scenarios,
				List.copyOf(others), this.threads, this.interference, this.verdictsWithheld, this.calibration,
				this.calibrationAtEnd);
	}

	/** Without a calibration (runs recorded before it). */
	public Manifest(String profile, int repeats, String gitCommit, boolean gitDirty, String startedAt,
			Double durationSeconds, String jdk, List<String> jvmFlags, String serviceCpus, String loadCpus,
			String cpuModel, int cores, long memoryBytes, Double loadAverageAtStart, Map<String, String> settings,
			List<String> variants, List<String> scenarios, List<String> notes, Map<String, ModelThreads> threads,
			InterferenceRules interference, Boolean verdictsWithheld) {
		this(profile, repeats, gitCommit, gitDirty, startedAt, durationSeconds, jdk, jvmFlags, serviceCpus, loadCpus,
				cpuModel, cores, memoryBytes, loadAverageAtStart, settings, variants, scenarios, notes, threads,
				interference, verdictsWithheld, null, null);
	}

	/**
	 * Without thread counts, interference rules or a verdicts flag (runs recorded before
	 * them).
	 */
	public Manifest(String profile, int repeats, String gitCommit, boolean gitDirty, String startedAt,
			Double durationSeconds, String jdk, List<String> jvmFlags, String serviceCpus, String loadCpus,
			String cpuModel, int cores, long memoryBytes, Double loadAverageAtStart, Map<String, String> settings,
			List<String> variants, List<String> scenarios, List<String> notes) {
		this(profile, repeats, gitCommit, gitDirty, startedAt, durationSeconds, jdk, jvmFlags, serviceCpus, loadCpus,
				cpuModel, cores, memoryBytes, loadAverageAtStart, settings, variants, scenarios, notes, null, null,
				false, null, null);
	}

	/**
	 * @param eventLoopThreads Reactor Netty's event-loop threads
	 * ({@code reactor-http-nio-N}) alive in the service; 0 in service-loom
	 * @param carrierThreads the virtual-thread scheduler's parallelism, as the JVM
	 * reports it ({@code jcmd Thread.vthread_scheduler}); in service-reactive too, which
	 * has one but hardly uses it
	 */
	public record ModelThreads(Integer eventLoopThreads, Integer carrierThreads) {
	}

}
