package dev.loomflux.comparison;

import java.time.Duration;

/**
 * Prints where a run is and about how long is left: the load time still planned, plus
 * what starting and warming up a variant, and setting up each Gatling run, have cost so
 * far. Until they have been timed, the guesses below stand in for them; they are what the
 * full profile took on the 2-core development VMs (docs/comparison.md), so that the first
 * estimate is not half the run.
 */
final class Progress {

	/**
	 * Until the first variant starts: the kernel-path calibration, the microbenchmarks,
	 * the load generator's warm-up and the stub's capacity check (1 min 27 s in the quick
	 * profile, 3 min 21 s in the full one on 5 December).
	 */
	private static final double SET_UP_SECONDS_GUESS = 150;

	/**
	 * Until a variant has been timed: its start-up and warm-up (104-139 s in the full run
	 * of 5 December on an Intel Xeon VM).
	 */
	private static final double VARIANT_SECONDS_GUESS = 110;

	/**
	 * Until a run has been timed: what a scenario run takes beyond its planned load, its
	 * own warm-up, the lead-ins, the knee search's extra steps, Gatling's start and
	 * report (30 s on average over the 56 runs of that full run).
	 */
	private static final double RUN_OVERHEAD_GUESS = 30;

	private final long start = System.nanoTime();

	private final double plannedLoadSeconds;

	private final int runs;

	private final int variants;

	private double loadSecondsDone;

	private int runsDone;

	private double runSecondsSpent;

	private int variantsStarted;

	private double variantSecondsSpent;

	private int variantsTimed;

	private long phaseStart = System.nanoTime();

	Progress(double plannedLoadSeconds, int runs, int variants) {
		this.plannedLoadSeconds = plannedLoadSeconds;
		this.runs = runs;
		this.variants = variants;
	}

	void variantStarting(String variant) {
		this.variantsStarted++;
		this.phaseStart = System.nanoTime();
		say("variant %d/%d: %s: starting, then warming up until steady", this.variantsStarted, this.variants, variant);
	}

	void variantReady() {
		this.variantSecondsSpent += (System.nanoTime() - this.phaseStart) / 1e9;
		this.variantsTimed++;
	}

	void runStarting(String variant, String scenario, int repeat, int seconds) {
		this.phaseStart = System.nanoTime();
		say("%s · %s%s (%d s of load, run %d/%d)", variant, scenario, (repeat > 1) ? " #" + repeat : "", seconds,
				this.runsDone + 1, this.runs);
	}

	void runDone(int seconds) {
		this.runsDone++;
		this.loadSecondsDone += seconds;
		this.runSecondsSpent += (System.nanoTime() - this.phaseStart) / 1e9;
	}

	void say(String format, Object... arguments) {
		double elapsed = (System.nanoTime() - this.start) / 1e9;
		System.out.printf("[%s elapsed, ~%s left] %s%n", clock(elapsed), clock(left()),
				String.format(format, arguments));
		System.out.flush();
	}

	private double left() {
		double perRun = (this.runsDone > 0) ? Math.max(0, (this.runSecondsSpent - this.loadSecondsDone) / this.runsDone)
				: RUN_OVERHEAD_GUESS;
		double perVariant = (this.variantsTimed > 0) ? this.variantSecondsSpent / this.variantsTimed
				: VARIANT_SECONDS_GUESS;
		double loadLeft = this.plannedLoadSeconds - this.loadSecondsDone;
		double setUpLeft = (this.variantsStarted == 0)
				? Math.max(0, SET_UP_SECONDS_GUESS - (System.nanoTime() - this.start) / 1e9) : 0;
		return Math.max(0, setUpLeft + loadLeft + perRun * (this.runs - this.runsDone)
				+ perVariant * (this.variants - this.variantsStarted));
	}

	private static String clock(double seconds) {
		Duration duration = Duration.ofSeconds(Math.round(seconds));
		return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
	}

}
