package dev.loomflux.domain.insights;

import java.util.Arrays;

/**
 * Run by hand, not by the build: times the kernel at the defaults and at the caps with a
 * plain loop (warm-up calls, then the median of timed calls), for the calibration in
 * {@link InsightsKernel}'s comment. Not JMH, so read the figures as rough.
 * <p>
 * {@code java -cp shared-domain/target/classes:shared-domain/target/test-classes
 * dev.loomflux.domain.insights.InsightsKernelCalibration}
 */
final class InsightsKernelCalibration {

	private InsightsKernelCalibration() {
	}

	public static void main(String[] args) {
		time("defaults", new InsightsQuery(InsightsQuery.DEFAULT_HORIZON_DAYS, InsightsQuery.DEFAULT_PATHS), 200, 101);
		time("caps", new InsightsQuery(InsightsQuery.MAX_HORIZON_DAYS, InsightsQuery.MAX_PATHS), 20, 31);
	}

	private static void time(String name, InsightsQuery query, int warmups, int runs) {
		long sink = 0;
		for (int i = 0; i < warmups; i++) {
			sink += InsightsKernel.simulate(1 + i, 8118, query).meanPriceCents();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			sink += InsightsKernel.simulate(1 + i, 8118, query).meanPriceCents();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		System.out.printf("%s (%d days x %d paths): median %.3f ms, min %.3f ms, max %.3f ms (%d runs, sink %d)%n",
				name, query.horizonDays(), query.paths(), millis[runs / 2], millis[0], millis[runs - 1], runs, sink);
	}

}
