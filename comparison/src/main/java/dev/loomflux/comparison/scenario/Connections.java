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

/** Open price streams at rising closed steps: memory per open stream (C3). */
public final class Connections implements Scenario {

	public static final String NAME = "connections";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * {@code heapBytesPerStream}, {@code rssBytesPerStream}: lowest to highest valid
	 * step.
	 */
	@Override
	public Map<String, Double> derive(List<Step> steps) {
		Map<String, Double> figures = new LinkedHashMap<>();
		Rows.slope(steps, ServerStats::heapUsedBytes).ifPresent((value) -> figures.put("heapBytesPerStream", value));
		Rows.slope(steps, ServerStats::rssBytes).ifPresent((value) -> figures.put("rssBytesPerStream", value));
		return figures;
	}

	@Override
	public List<String> summaryHeader() {
		return List.of("highest step", "errors there", "peak RSS there", "RSS / stream", "heap / stream");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		return Rows.atTop(evidence, NAME, variant, Step::concurrency, 1,
				(top) -> List.of(Format.count(top.key()) + " streams",
						Spread.format(top.figure(Steps::errorRate), Format::percent),
						Spread.format(top.figure((s) -> Steps.server(s, ServerStats::rssBytes)), Format::bytes),
						Spread.format(evidence.runFigure(NAME, variant, "rssBytesPerStream"), Format::bytes),
						Spread.format(evidence.runFigure(NAME, variant, "heapBytesPerStream"), Format::bytes)));
	}

	@Override
	public String closedAxisLabel() {
		return "open SSE streams";
	}

	/**
	 * Price streams opened and closed: their opening, ticks and closing are the code its
	 * steps run. Warmed with every endpoint's mix, as before, the JIT used 0.3-1.8 s of
	 * each of its 3 s steps in the quick run of 3 December.
	 */
	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.mix(Map.of(WarmupRequest.STREAM, 100));
	}

}
