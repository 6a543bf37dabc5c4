package dev.loomflux.comparison.metrics;

import java.util.List;
import java.util.TreeMap;

import dev.loomflux.comparison.results.ServerStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindowsTest {

	@Test
	void shouldAverageGaugesTakePeaksAndDifferenceCountersOverTheWindow() {
		List<Scrape> scrapes = List.of(scrape(0, 100, 1e8, 0.5, buckets(0, 0, 0)),
				scrape(1000, 150, 3e8, 0.6, buckets(50, 90, 100)), scrape(2000, 220, 2e8, 0.9, buckets(100, 190, 200)),
				scrape(3000, 230, 1e8, 0.9, buckets(100, 190, 200)));
		ServerStats stats = Windows.stats(scrapes, 500, 2000, 2);
		// 120 ticks (1.2 s of CPU) from the scrape before the window
		// to the one after, 2 s apart, on 2 cores
		assertThat(stats.cpu()).isCloseTo(0.3, within(1e-9));
		assertThat(stats.cpuSeconds()).as("the busy share over the step's 1.5 s").isCloseTo(0.9, within(1e-9));
		assertThat(stats.rssBytes()).isEqualTo(3e8);
		assertThat(stats.gcPauseSeconds()).isCloseTo(0.4, within(1e-9));
		assertThat(stats.eventLoopPendingTasks()).as("a metric the variant does not have").isNull();
		assertThat(stats.allocatedBytes())
			.as("1,000 bytes a ms, from the scrape before the window to the one at its end")
			.isEqualTo(2e6);
		assertThat(stats.jitCpuSeconds()).as("half the process's 120 ticks").isCloseTo(0.6, within(1e-9));
	}

	@Test
	void shouldGiveTheBusyShareBetweenConsecutiveScrapesAsTheTimeSeries() {
		List<Scrape> scrapes = List.of(scrape(1000, 100, 1e8, 0, buckets(0, 0, 0)),
				scrape(2000, 150, 1e8, 0, buckets(0, 0, 0)));
		var series = Windows.series(scrapes, 0, 1);
		assertThat(series.get(0).cpu()).isNull();
		assertThat(series.get(1).cpu()).isCloseTo(0.5, within(1e-9));
		assertThat(series.get(1).seconds()).isEqualTo(2.0);
	}

	@Test
	void shouldInterpolateTheQuantileInsideItsBucketLikeHistogramQuantile() {
		// 200 requests: 100 under 10 ms, 90 between 10 and 100 ms,
		// 10 between 100 ms and 1 s
		TreeMap<Double, Double> after = buckets(100, 190, 200);
		assertThat(Windows.quantileMillis(buckets(0, 0, 0), after, 0.5)).isCloseTo(10.0, within(1e-9));
		assertThat(Windows.quantileMillis(buckets(0, 0, 0), after, 0.99)).isCloseTo(820.0, within(1e-6));
		assertThat(Windows.quantileMillis(after, after, 0.99)).as("no requests in the window").isNull();
	}

	@Test
	void shouldTakeTheCountersFromTheNearestScrapeThatHasThemWhenAScrapeFailed() {
		// a remote service too busy to answer the scrape at the step's end: no counters
		List<Scrape> scrapes = List.of(scrape(0, 100, 1e8, 0.5, buckets(0, 0, 0)), Scrape.procOnly(1000, null),
				scrape(2000, 300, 1e8, 0.9, buckets(0, 0, 0)));
		ServerStats stats = Windows.stats(scrapes, 0, 1000, 1);
		assertThat(stats.cpu()).as("200 ticks over the 2 s to the next answered scrape").isCloseTo(1.0, within(1e-9));
		assertThat(stats.jitCpuSeconds()).isCloseTo(1.0, within(1e-9));
		assertThat(stats.jitShare()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void shouldGiveNoFiguresWhenNothingWasScraped() {
		ServerStats stats = Windows.stats(List.of(), 0, 1000, 1);
		assertThat(stats.cpu()).isNull();
		assertThat(stats.cpuSeconds()).isNull();
		assertThat(stats.serverP99Ms()).isNull();
	}

	private static TreeMap<Double, Double> buckets(double under10ms, double under100ms, double under1s) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		buckets.put(0.01, under10ms);
		buckets.put(0.1, under100ms);
		buckets.put(1.0, under1s);
		buckets.put(Double.POSITIVE_INFINITY, under1s);
		return buckets;
	}

	private static Scrape scrape(long time, long ticks, double rss, double gc, TreeMap<Double, Double> buckets) {
		return new Scrape(time, ticks, rss, 1e7, 30.0, 1.0, 0.0, 2.0, 0.0, null, gc, buckets, 12.0, time * 1000.0,
				ticks / 2);
	}

}
