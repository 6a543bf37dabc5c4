package dev.loomflux.domain.insights;

import java.util.Arrays;

import dev.loomflux.domain.random.SplitMix64;

/**
 * The deliberately CPU-bound part of the API: a Monte Carlo simulation of daily price
 * paths under geometric Brownian motion, summarised as the distribution of final prices.
 * Pure Java, no I/O, no shared state: both services call it and differ only in the thread
 * it runs on.
 * <p>
 * <b>Deterministic.</b> Drift and volatility are derived from the product id; the random
 * numbers come from {@link SplitMix64} seeded by the product id and normal deviates from
 * Box-Muller over {@link StrictMath}, whose results Java fixes bit for bit (plain
 * {@code Math} may use faster platform intrinsics that differ in the last bit). With
 * Java's strict floating point, the same product, start price and query give the same
 * {@link Insights} on every JVM, in either service.
 * <p>
 * <b>Cost</b> is linear in {@code paths × horizonDays} (one normal deviate per simulated
 * day), plus sorting {@code paths} final prices; memory is one {@code double} per path.
 * <p>
 * <b>Calibration</b>, measured by hand once with {@code InsightsKernelCalibration} (in
 * this module's tests: a plain timing loop, not JMH; warm-up calls, then the median of
 * timed calls, one thread) on the development machine: 2 vCPUs (AMD EPYC, shared VM), JDK
 * 25, with another Maven build running beside it (load average about 6). At the defaults
 * (30 days × 2,000 paths: 60,000 steps) one request costs about 1.8 ms of CPU (median of
 * 101; min 1.7 ms); at the caps (365 days × 20,000 paths: 7.3 million steps) about 236 ms
 * (median of 31; min 225 ms), i.e. roughly 32 ns per simulated day. Rough figures for
 * sizing experiments, not a benchmark.
 */
public final class InsightsKernel {

	private static final double DAYS_PER_YEAR = 365;

	private static final double TWO_PI = 2 * Math.PI;

	private InsightsKernel() {
	}

	/**
	 * Simulates {@code query.paths()} price paths of {@code query.horizonDays()} days
	 * from {@code startPriceCents}.
	 */
	public static Insights simulate(long productId, long startPriceCents, InsightsQuery query) {
		return simulate(productId, startPriceCents, query, new SplitMix64(productId));
	}

	static Insights simulate(long productId, long startPriceCents, InsightsQuery query, SplitMix64 random) {
		int paths = query.paths();
		int days = query.horizonDays();
		long traits = SplitMix64.mix(productId);
		// annual drift in [-10 %, +15 %) and volatility in [10 %, 60 %):
		// a product's character
		double drift = -0.10 + 0.25 * unit(traits);
		double volatility = 0.10 + 0.50 * unit(Long.rotateLeft(traits, 32));
		double dt = 1 / DAYS_PER_YEAR;
		double dailyDrift = (drift - volatility * volatility / 2) * dt;
		double dailyVolatility = volatility * StrictMath.sqrt(dt);

		double[] finalPrices = new double[paths];
		double sum = 0;
		int losses = 0;
		for (int path = 0; path < paths; path++) {
			double logReturn = 0;
			for (int day = 0; day < days; day++) {
				logReturn += dailyDrift + dailyVolatility * normal(random);
			}
			double finalPrice = startPriceCents * StrictMath.exp(logReturn);
			finalPrices[path] = finalPrice;
			sum += finalPrice;
			if (finalPrice < startPriceCents) {
				losses++;
			}
		}
		Arrays.sort(finalPrices);
		return new Insights(productId, days, paths, startPriceCents, Math.round(sum / paths),
				Math.round(percentile(finalPrices, 5)), Math.round(percentile(finalPrices, 95)),
				(double) losses / paths);
	}

	/**
	 * One standard normal deviate by Box-Muller, from two uniforms. Using one of the pair
	 * and dropping the other keeps the sequence simple to reason about (one step, two
	 * draws), at the price of more work per step, which is what this endpoint is for.
	 */
	private static double normal(SplitMix64 random) {
		// 1 - u lies in (0, 1], so the logarithm is finite
		double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
		return radius * StrictMath.cos(TWO_PI * random.nextDouble());
	}

	/** The nearest-rank percentile of sorted values. */
	private static double percentile(double[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(rank, 1) - 1];
	}

	private static double unit(long bits) {
		return (bits >>> 11) * 0x1.0p-53;
	}

}
