package dev.loomflux.microbench;

/**
 * How long and how often to measure. {@code quick} fits in about a minute on a 2-core
 * machine; {@code full} buys tighter error bars with more forks, iterations and fresh
 * footprint JVMs (it took 4 min 47 s on the 2-core VM with 3 forks of 5 + 10 iterations,
 * 8 % of the full comparison's hour, so it has 2 forks of 3 + 5 now); {@code smoke} only
 * proves the plumbing (in-process JMH, tiny counts) and its figures mean nothing.
 *
 * @param forks JMH forks per hand-off kind (0: in the current JVM)
 * @param warmupIterations JMH warm-up iterations per fork
 * @param measurementIterations JMH measurement iterations per fork
 * @param iterationMillis length of one JMH iteration
 * @param parkedCount tasks parked at once per footprint JVM
 * @param parkedRepeats fresh JVMs per parked kind; the report keeps the median
 */
public enum Profile {

	QUICK(1, 2, 3, 1000, 10_000, 1),

	FULL(2, 3, 5, 1000, 20_000, 3),

	SMOKE(0, 0, 1, 100, 1_000, 1);

	private final int forks;

	private final int warmupIterations;

	private final int measurementIterations;

	private final int iterationMillis;

	private final int parkedCount;

	private final int parkedRepeats;

	Profile(int forks, int warmupIterations, int measurementIterations, int iterationMillis, int parkedCount,
			int parkedRepeats) {
		this.forks = forks;
		this.warmupIterations = warmupIterations;
		this.measurementIterations = measurementIterations;
		this.iterationMillis = iterationMillis;
		this.parkedCount = parkedCount;
		this.parkedRepeats = parkedRepeats;
	}

	public int forks() {
		return this.forks;
	}

	public int warmupIterations() {
		return this.warmupIterations;
	}

	public int measurementIterations() {
		return this.measurementIterations;
	}

	public int iterationMillis() {
		return this.iterationMillis;
	}

	public int parkedCount() {
		return this.parkedCount;
	}

	public int parkedRepeats() {
		return this.parkedRepeats;
	}

}
