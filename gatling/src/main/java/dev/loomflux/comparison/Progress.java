package dev.loomflux.comparison;

import java.time.Duration;

/**
 * Prints where a run is and about how long is left: the estimate is the load time still
 * planned plus what starting, warming and tearing down each variant took so far.
 */
final class Progress {

	/**
	 * Until a variant has been timed: a start, a warm-up and the per-run overhead of
	 * Gatling.
	 */
	private static final double VARIANT_OVERHEAD_GUESS = 45;

	private static final double RUN_OVERHEAD_GUESS = 8;

	private final long start = System.nanoTime();

	private final double plannedLoadSeconds;

	private final int runs;

	private double loadSecondsDone;

	private int runsDone;

	private final int variants;

	private int variantsStarted;

	Progress(double plannedLoadSeconds, int runs, int variants) {
		this.plannedLoadSeconds = plannedLoadSeconds;
		this.runs = runs;
		this.variants = variants;
	}

	void variantStarting(String variant) {
		this.variantsStarted++;
		say("variant %d/%d: %s: starting, then warming up until steady", this.variantsStarted, this.variants, variant);
	}

	void runStarting(String variant, String scenario, int repeat, int seconds) {
		say("%s · %s%s (%d s of load, run %d/%d)", variant, scenario, (repeat > 1) ? " #" + repeat : "", seconds,
				this.runsDone + 1, this.runs);
	}

	void runDone(int seconds) {
		this.runsDone++;
		this.loadSecondsDone += seconds;
	}

	void say(String format, Object... arguments) {
		double elapsed = (System.nanoTime() - this.start) / 1e9;
		System.out.printf("[%s elapsed, ~%s left] %s%n", clock(elapsed), clock(left(elapsed)),
				String.format(format, arguments));
		System.out.flush();
	}

	private double left(double elapsed) {
		double loadLeft = this.plannedLoadSeconds - this.loadSecondsDone;
		double overheadPerRun = (this.runsDone > 0) ? Math.max(0, (elapsed - this.loadSecondsDone) / this.runsDone)
				: RUN_OVERHEAD_GUESS + VARIANT_OVERHEAD_GUESS * this.variants / Math.max(1, this.runs);
		return Math.max(0, loadLeft + overheadPerRun * (this.runs - this.runsDone));
	}

	private static String clock(double seconds) {
		Duration duration = Duration.ofSeconds(Math.round(seconds));
		return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
	}

}
