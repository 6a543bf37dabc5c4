package dev.loomflux.comparison;

import java.time.Duration;

/**
 * Prints where a run is and about how long is left: the load time still planned, plus
 * what starting and warming up a variant, and setting up each Gatling run, have cost so
 * far.
 */
final class Progress {

	/** Until a variant has been timed: its start-up and warm-up. */
	private static final double VARIANT_SECONDS_GUESS = 50;

	/**
	 * Until a run has been timed: a Gatling run's start, its report and the scrapes
	 * around it.
	 */
	private static final double RUN_OVERHEAD_GUESS = 6;

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
		return Math.max(0,
				loadLeft + perRun * (this.runs - this.runsDone) + perVariant * (this.variants - this.variantsStarted));
	}

	private static String clock(double seconds) {
		Duration duration = Duration.ofSeconds(Math.round(seconds));
		return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
	}

}
