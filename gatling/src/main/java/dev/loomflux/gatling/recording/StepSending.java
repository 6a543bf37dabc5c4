package dev.loomflux.gatling.recording;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * What the load generator did in one step, across request names: the requests its
 * schedule planned, those it sent, and how late it sent the scheduled ones.
 */
final class StepSending {

	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	/** First requests of scheduled users, by intended time. */
	private final LongAdder scheduled = new LongAdder();

	/** Every request, by the step its timing starts in. */
	private final LongAdder all = new LongAdder();

	private final ConcurrentHistogram latenessMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	void sent(Long latenessMicros) {
		this.all.increment();
		if (latenessMicros != null) {
			this.scheduled.increment();
			this.latenessMicros.recordValue(Math.max(0, Math.min(latenessMicros, HIGHEST_MICROS)));
		}
	}

	/**
	 * {@code plannedUsers}: those the open-model schedules put in this step, null without
	 * a schedule. With a schedule, sent counts the scheduled requests only, so that it
	 * compares with planned; a user's follow-up requests (a retry, a replay) are not in
	 * the plan.
	 */
	LatencyFile.LoadGeneratorFigures figures(Long plannedUsers, Double cpuShare) {
		long sent = (plannedUsers != null) ? this.scheduled.sum() : this.all.sum();
		Double lateness = (this.latenessMicros.getTotalCount() > 0)
				? this.latenessMicros.getValueAtPercentile(99) / 1000.0 : null;
		return new LatencyFile.LoadGeneratorFigures(plannedUsers, sent, lateness, cpuShare);
	}

}
