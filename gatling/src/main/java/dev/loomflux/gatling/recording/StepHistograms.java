package dev.loomflux.gatling.recording;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The responses of one request name in one step: latencies in HdrHistograms
 * (microseconds, 3 significant digits, so percentiles are exact to 0.1 %), one of the
 * successes and one of every request, failures at the time they took to fail; and counts
 * of failures by cause. Gatling calls {@link #recordOk} and {@link #recordKo} from its
 * event-loop threads, hence the concurrent types.
 */
final class StepHistograms {

	/**
	 * Anything slower than an hour is clamped to an hour; no request here waits that
	 * long.
	 */
	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	/** The cause of a request still unanswered when the run ended (it stopped early). */
	static final String UNANSWERED = "unanswered";

	private final ConcurrentHistogram ok = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	private final ConcurrentHistogram all = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	private final LongAdder ko = new LongAdder();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	/** Sent and not yet answered: when a run stops early these count as failures. */
	private final LongAdder inFlight = new LongAdder();

	void sent() {
		this.inFlight.increment();
	}

	void recordOk(long micros) {
		this.inFlight.decrement();
		this.ok.recordValue(clamped(micros));
		this.all.recordValue(clamped(micros));
	}

	void recordKo(long micros, String cause) {
		this.inFlight.decrement();
		this.all.recordValue(clamped(micros));
		this.ko.increment();
		this.errors.computeIfAbsent(cause, (key) -> new LongAdder()).increment();
	}

	RequestStats stats(double seconds) {
		long count = this.ok.getTotalCount();
		Map<String, Long> errorCounts = new TreeMap<>();
		this.errors.forEach((cause, n) -> errorCounts.put(cause, n.sum()));
		long unanswered = Math.max(0, this.inFlight.sum());
		if (unanswered > 0) {
			errorCounts.put(UNANSWERED, unanswered);
		}
		long ko = this.ko.sum() + unanswered;
		// a request never answered is slower than every answer
		Histogram everything = this.all.copy();
		if (unanswered > 0) {
			everything.recordValueWithCount(HIGHEST_MICROS, unanswered);
		}
		Double allP99 = (everything.getTotalCount() > 0) ? millis(everything.getValueAtPercentile(99)) : null;
		if (count == 0) {
			return new RequestStats(0, ko, 0, null, null, null, null, null, errorCounts, allP99);
		}
		return new RequestStats(count, ko, count / seconds, millis(this.ok.getValueAtPercentile(50)),
				millis(this.ok.getValueAtPercentile(90)), millis(this.ok.getValueAtPercentile(99)),
				millis(this.ok.getValueAtPercentile(99.9)), millis(this.ok.getMaxValue()), errorCounts, allP99);
	}

	private static long clamped(long micros) {
		return Math.max(0, Math.min(micros, HIGHEST_MICROS));
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

}
