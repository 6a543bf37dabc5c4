package dev.loomflux.domain.insights;

import dev.loomflux.domain.random.SplitMix64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InsightsKernelTest {

	private static final InsightsQuery DEFAULTS = new InsightsQuery(30, 2000);

	@Test
	void shouldGiveTheSameResultForTheSameInput() {
		Insights first = InsightsKernel.simulate(1, 8118, DEFAULTS);
		Insights second = InsightsKernel.simulate(1, 8118, new InsightsQuery(30, 2000));

		assertThat(second).isEqualTo(first);
	}

	/**
	 * Pinned figures: a change here means the kernel, the generator or the JDK's
	 * StrictMath changed, and every recorded comparison of the two services with it.
	 */
	@Test
	void shouldKeepItsPinnedResultForProductOne() {
		assertThat(InsightsKernel.simulate(1, 8118, DEFAULTS))
			.isEqualTo(new Insights(1, 30, 2000, 8118, 8104, 7613, 8605, 0.5225));
	}

	@Test
	void shouldDifferBetweenProducts() {
		Insights one = InsightsKernel.simulate(1, 10_000, DEFAULTS);
		Insights two = InsightsKernel.simulate(2, 10_000, DEFAULTS);

		assertThat(two.meanPriceCents()).isNotEqualTo(one.meanPriceCents());
	}

	@Test
	void shouldSummariseTheDistributionConsistently() {
		Insights insights = InsightsKernel.simulate(7, 5000, new InsightsQuery(90, 5000));

		assertThat(insights.productId()).isEqualTo(7);
		assertThat(insights.horizonDays()).isEqualTo(90);
		assertThat(insights.paths()).isEqualTo(5000);
		assertThat(insights.startPriceCents()).isEqualTo(5000);
		assertThat(insights.p5PriceCents()).isPositive()
			.isLessThan(insights.startPriceCents())
			.isLessThanOrEqualTo(insights.meanPriceCents());
		assertThat(insights.p95PriceCents()).isGreaterThan(insights.startPriceCents())
			.isGreaterThanOrEqualTo(insights.meanPriceCents());
		assertThat(insights.probabilityOfLoss()).isStrictlyBetween(0.0, 1.0);
	}

	@Test
	void shouldStayAtZeroForAFreeProduct() {
		Insights insights = InsightsKernel.simulate(3, 0, DEFAULTS);

		assertThat(insights.meanPriceCents()).isZero();
		assertThat(insights.p95PriceCents()).isZero();
		assertThat(insights.probabilityOfLoss()).isZero();
	}

	@Test
	void shouldHandleASinglePathOfASingleDay() {
		Insights insights = InsightsKernel.simulate(4, 1000, new InsightsQuery(1, 1));

		assertThat(insights.p5PriceCents()).isEqualTo(insights.meanPriceCents()).isEqualTo(insights.p95PriceCents());
		assertThat(insights.probabilityOfLoss()).isIn(0.0, 1.0);
	}

	@Test
	void shouldDrawTwoRandomNumbersPerSimulatedDay() {
		assertThat(draws(new InsightsQuery(30, 2000))).isEqualTo(2L * 30 * 2000);
		assertThat(draws(new InsightsQuery(365, 20000))).isEqualTo(2L * 365 * 20000);
	}

	@Test
	void shouldScaleItsWorkLinearlyWithPathsTimesDays() {
		long base = draws(new InsightsQuery(10, 100));

		assertThat(draws(new InsightsQuery(20, 100))).isEqualTo(2 * base);
		assertThat(draws(new InsightsQuery(10, 200))).isEqualTo(2 * base);
		assertThat(draws(new InsightsQuery(40, 400))).isEqualTo(16 * base);
	}

	private static long draws(InsightsQuery query) {
		CountingRandom random = new CountingRandom(1);
		InsightsKernel.simulate(1, 1000, query, random);
		return random.draws;
	}

	private static final class CountingRandom extends SplitMix64 {

		private long draws;

		CountingRandom(long seed) {
			super(seed);
		}

		@Override
		public long nextLong() {
			this.draws++;
			return super.nextLong();
		}

	}

}
