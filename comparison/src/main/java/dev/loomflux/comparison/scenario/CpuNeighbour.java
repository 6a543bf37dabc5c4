package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Evidence.Level;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * CPU-bound insights kept in flight in the background, product reads at a constant rate
 * in front: who starves whom (C4, C5, C10).
 */
public final class CpuNeighbour implements Scenario {

	public static final String NAME = "cpu-neighbour";

	/** The simulation's name for its background requests. */
	public static final String BACKGROUND_REQUEST = "insights";

	/** The simulation's name for its foreground requests. */
	public static final String FOREGROUND_REQUEST = "product";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> summaryHeader() {
		return List.of("foreground p99, background 0", "highest background", "foreground p99 there",
				"insights ok/s there", "CPU there");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		List<Level> levels = Evidence.levels(evidence.runs(NAME, variant), Step::background);
		if (levels.isEmpty()) {
			return Rows.notMeasured(5);
		}
		Level top = levels.getLast();
		return List.of(
				(levels.getFirst().key() == 0)
						? Spread.format(levels.getFirst().figure((s) -> Steps.p99(s, FOREGROUND_REQUEST)), Format::ms)
						: Format.NOT_MEASURED,
				Format.count(top.key()), Spread.format(top.figure((s) -> Steps.p99(s, FOREGROUND_REQUEST)), Format::ms),
				Spread.format(top.figure((s) -> Steps.okPerSecond(s, BACKGROUND_REQUEST)), Format::rate),
				Spread.format(top.figure((s) -> Steps.server(s, ServerStats::cpu)), Format::percent));
	}

	@Override
	public Optional<String> backgroundRequest() {
		return Optional.of(BACKGROUND_REQUEST);
	}

	/**
	 * Product reads and insights with the light parameters: its own 20,000 paths would
	 * leave a round with a handful of answers.
	 */
	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.mix(Map.of(WarmupRequest.PRODUCT, 80, WarmupRequest.INSIGHTS, 20));
	}

}
