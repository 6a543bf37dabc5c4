package dev.loomflux.comparison.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * Home pages in flight at rising closed steps, the downstream slow: threads, memory and
 * latency per step, and memory per in-flight request (C1, C2, C12).
 */
public final class ConcurrencySweep implements Scenario {

	public static final String NAME = "concurrency-sweep";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * {@code heapBytesPerInFlight}, {@code rssBytesPerInFlight}: lowest to highest valid
	 * step.
	 */
	@Override
	public Map<String, Double> derive(List<Step> steps) {
		Map<String, Double> figures = new LinkedHashMap<>();
		Rows.slope(steps, ServerStats::heapUsedBytes).ifPresent((value) -> figures.put("heapBytesPerInFlight", value));
		Rows.slope(steps, ServerStats::rssBytes).ifPresent((value) -> figures.put("rssBytesPerInFlight", value));
		return figures;
	}

	@Override
	public List<String> summaryHeader() {
		return List.of("highest step", "p99 there", "errors there", "peak threads", "peak RSS", "heap / in-flight",
				"RSS / in-flight");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		return Rows.atTop(evidence, NAME, variant, Step::concurrency, 1,
				(top) -> List.of(Format.count(top.key()) + " in flight",
						Spread.format(top.figure(Steps::worstP99), Format::ms),
						Spread.format(top.figure(Steps::errorRate), Format::percent),
						Spread.format(top.figure((s) -> Steps.server(s, ServerStats::platformThreads)), Format::count),
						Spread.format(top.figure((s) -> Steps.server(s, ServerStats::rssBytes)), Format::bytes),
						Spread.format(evidence.runFigure(NAME, variant, "heapBytesPerInFlight"), Format::bytes),
						Spread.format(evidence.runFigure(NAME, variant, "rssBytesPerInFlight"), Format::bytes)));
	}

	/**
	 * Home pages only.
	 */
	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.mix(Map.of(WarmupRequest.HOME, 100));
	}

}
