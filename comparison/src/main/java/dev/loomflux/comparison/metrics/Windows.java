package dev.loomflux.comparison.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import dev.loomflux.comparison.results.Sample;
import dev.loomflux.comparison.results.ServerStats;

/**
 * Turns the scrapes of a run into figures per time window (a load step): means and peaks
 * of gauges inside the window, differences of counters across it, and the server's p99
 * from the difference of its histogram buckets (as Prometheus's
 * {@code histogram_quantile} computes it).
 */
public final class Windows {

	private Windows() {
	}

	/**
	 * @param cores how many CPUs the service runs on: CPU is reported as the busy share
	 * of those, from /proc (the JVM's own {@code process_cpu_usage} divides by every CPU
	 * of the machine, whatever the process is pinned to)
	 */
	public static ServerStats stats(List<Scrape> scrapes, long startMillis, long endMillis, int cores) {
		List<Scrape> inside = scrapes.stream()
			.filter((scrape) -> scrape.timeMillis() >= startMillis && scrape.timeMillis() <= endMillis)
			.toList();
		Scrape[] any = around(scrapes, startMillis, endMillis, (scrape) -> true);
		Scrape before = any[0];
		Scrape after = any[1];
		List<Scrape> gauges = inside.isEmpty() && after != null ? List.of(after) : inside;
		// the counters from the nearest scrapes that have them: a scrape a busy service
		// did not answer in time has no CPU counter when it is remote (seen on a slow
		// VM in a 1 s step), and the one before or after it still spans the step
		Scrape[] cpu = around(scrapes, startMillis, endMillis, (scrape) -> scrape.cpuTicks() != null);
		Scrape[] jit = around(scrapes, startMillis, endMillis, (scrape) -> scrape.jitTicks() != null);
		Double busy = busyShare(cpu[0], cpu[1], cores);
		Double cpuSeconds = (busy != null) ? busy * cores * (endMillis - startMillis) / 1000.0 : null;
		return new ServerStats(busy, cpuSeconds, peak(gauges, Scrape::rssBytes), peak(gauges, Scrape::heapUsedBytes),
				peak(gauges, Scrape::platformThreads), peak(gauges, Scrape::virtualThreadsMounted),
				peak(gauges, Scrape::virtualThreadsQueued), peak(gauges, Scrape::dbPoolActive),
				peak(gauges, Scrape::dbPoolPending), peak(gauges, Scrape::eventLoopPendingTasks),
				difference(before, after, Scrape::gcPauseSeconds), p99Millis(before, after),
				peak(gauges, Scrape::requestsInFlight), difference(before, after, Scrape::allocatedBytes),
				jitCpuSeconds(jit[0], jit[1]), jitShare(jit[0], jit[1], cores));
	}

	/**
	 * The last scrape at or before {@code startMillis} and the first at or after
	 * {@code endMillis} that {@code has} what is wanted; inside the window the first and
	 * last such when there is none outside it.
	 */
	private static Scrape[] around(List<Scrape> scrapes, long startMillis, long endMillis,
			java.util.function.Predicate<Scrape> has) {
		List<Scrape> usable = scrapes.stream().filter(has).toList();
		List<Scrape> inside = usable.stream()
			.filter((scrape) -> scrape.timeMillis() >= startMillis && scrape.timeMillis() <= endMillis)
			.toList();
		Scrape before = usable.stream()
			.filter((scrape) -> scrape.timeMillis() <= startMillis)
			.reduce((first, second) -> second)
			.orElse(inside.isEmpty() ? null : inside.getFirst());
		Scrape after = usable.stream()
			.filter((scrape) -> scrape.timeMillis() >= endMillis)
			.findFirst()
			.orElse(inside.isEmpty() ? null : inside.getLast());
		return new Scrape[] { before, after };
	}

	/** The scrapes as a time series, in seconds since {@code originMillis}. */
	public static List<Sample> series(List<Scrape> scrapes, long originMillis, int cores) {
		List<Sample> series = new java.util.ArrayList<>();
		for (int i = 0; i < scrapes.size(); i++) {
			Scrape scrape = scrapes.get(i);
			Double busy = (i > 0) ? busyShare(scrapes.get(i - 1), scrape, cores) : null;
			series.add(new Sample((scrape.timeMillis() - originMillis) / 1000.0, busy, scrape.rssBytes(),
					scrape.heapUsedBytes(), scrape.platformThreads(), scrape.virtualThreadsMounted(),
					scrape.dbPoolActive(), scrape.eventLoopPendingTasks()));
		}
		return series;
	}

	/**
	 * The {@code quantile} of the requests counted between two cumulative histograms, in
	 * ms.
	 */
	static Double quantileMillis(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double quantile) {
		TreeMap<Double, Double> counts = new TreeMap<>();
		after.forEach((le, count) -> counts.put(le, count - before.getOrDefault(le, 0.0)));
		if (counts.isEmpty() || counts.lastEntry().getValue() <= 0) {
			return null;
		}
		double total = counts.lastEntry().getValue();
		double rank = quantile * total;
		double lowerBound = 0;
		double lowerCount = 0;
		for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					// beyond the highest finite bucket:
					// its bound is all a histogram can tell
					return lowerBound * 1000;
				}
				double inBucket = bucket.getValue() - lowerCount;
				double fraction = (inBucket > 0) ? (rank - lowerCount) / inBucket : 1;
				return (lowerBound + (bucket.getKey() - lowerBound) * fraction) * 1000;
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return null;
	}

	private static Double p99Millis(Scrape before, Scrape after) {
		if (before == null || after == null || before == after || after.serverBuckets().isEmpty()) {
			return null;
		}
		return quantileMillis(before.serverBuckets(), after.serverBuckets(), 0.99);
	}

	/**
	 * CPU time between two scrapes over the wall time between them, per core: 1.0 = all
	 * busy.
	 */
	private static Double busyShare(Scrape before, Scrape after, int cores) {
		if (before == null || after == null || before.cpuTicks() == null || after.cpuTicks() == null
				|| after.timeMillis() <= before.timeMillis()) {
			return null;
		}
		double cpuSeconds = (after.cpuTicks() - before.cpuTicks()) / ProcStat.TICKS_PER_SECOND;
		return cpuSeconds / ((after.timeMillis() - before.timeMillis()) / 1000.0) / cores;
	}

	/**
	 * The compiler's CPU over the scrapes' span on the service's cores; for a remote
	 * service (cores unknown) null.
	 */
	private static Double jitShare(Scrape before, Scrape after, int cores) {
		Double jit = jitCpuSeconds(before, after);
		if (jit == null || cores <= 0) {
			return null;
		}
		return jit / (cores * (after.timeMillis() - before.timeMillis()) / 1000.0);
	}

	/** A compiler thread that ended took its time with it: never below zero. */
	private static Double jitCpuSeconds(Scrape before, Scrape after) {
		if (before == null || after == null || before == after || before.jitTicks() == null
				|| after.jitTicks() == null) {
			return null;
		}
		return Math.max(0, after.jitTicks() - before.jitTicks()) / ProcStat.TICKS_PER_SECOND;
	}

	private static Double difference(Scrape before, Scrape after, Function<Scrape, Double> counter) {
		if (before == null || after == null || before == after) {
			return null;
		}
		Double first = counter.apply(before);
		Double last = counter.apply(after);
		return (first != null && last != null) ? last - first : null;
	}

	private static Double mean(List<Scrape> scrapes, Function<Scrape, Double> gauge) {
		var values = scrapes.stream().map(gauge).filter(Objects::nonNull).mapToDouble(Double::doubleValue);
		var stats = values.summaryStatistics();
		return (stats.getCount() > 0) ? stats.getAverage() : null;
	}

	private static Double peak(List<Scrape> scrapes, Function<Scrape, Double> gauge) {
		var stats = scrapes.stream()
			.map(gauge)
			.filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.summaryStatistics();
		return (stats.getCount() > 0) ? stats.getMax() : null;
	}

}
