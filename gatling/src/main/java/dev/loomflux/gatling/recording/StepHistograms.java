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
		return stats(this.ok, everything(), this.ko.sum() + unanswered(), errorCounts(), seconds);
	}

	/** Both histograms as {@code latency.json} keeps them, for a lossless merge. */
	RequestHistograms histograms() {
		return RequestHistograms.of(this.ok, everything());
	}

	/**
	 * The figures of a step's requests of one name from their histograms, counts of
	 * failures and their causes: of one load generator, or of several merged.
	 * @param everything the histogram of every request, unanswered ones included (at the
	 * highest value)
	 */
	static RequestStats stats(Histogram ok, Histogram everything, long ko, Map<String, Long> errors, double seconds) {
		long count = ok.getTotalCount();
		Double allP99 = (everything.getTotalCount() > 0) ? millis(everything.getValueAtPercentile(99)) : null;
		if (count == 0) {
			return new RequestStats(0, ko, 0, null, null, null, null, null, errors, allP99);
		}
		return new RequestStats(count, ko, count / seconds, millis(ok.getValueAtPercentile(50)),
				millis(ok.getValueAtPercentile(90)), millis(ok.getValueAtPercentile(99)),
				millis(ok.getValueAtPercentile(99.9)), millis(ok.getMaxValue()), errors, allP99);
	}

	/** A fresh histogram of the kind this records into, for merging. */
	static Histogram empty() {
		return new Histogram(HIGHEST_MICROS, 3);
	}

	private long unanswered() {
		return Math.max(0, this.inFlight.sum());
	}

	private Map<String, Long> errorCounts() {
		Map<String, Long> errorCounts = new TreeMap<>();
		this.errors.forEach((cause, n) -> errorCounts.put(cause, n.sum()));
		if (unanswered() > 0) {
			errorCounts.put(UNANSWERED, unanswered());
		}
		return errorCounts;
	}

	/**
	 * Every request's latencies; a request never answered is slower than every answer.
	 */
	private Histogram everything() {
		Histogram everything = this.all.copy();
		if (unanswered() > 0) {
			everything.recordValueWithCount(HIGHEST_MICROS, unanswered());
		}
		return everything;
	}

	private static long clamped(long micros) {
		return Math.max(0, Math.min(micros, HIGHEST_MICROS));
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

}
