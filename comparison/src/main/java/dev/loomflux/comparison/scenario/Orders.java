package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.Step;

/**
 * Orders on a few hot products, some sent twice with the same key: order latency, and in
 * PostgreSQL afterwards the stock invariant, duplicates and what sessions waited on
 * ({@link OrdersCheck}).
 */
public final class Orders implements Scenario {

	public static final String NAME = "orders";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> summaryHeader() {
		return List.of("order p99", "errors", "orders created", "stock invariant violations", "duplicate orders");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		return Rows.atTop(evidence, NAME, variant, Step::offeredRate, 1,
				(top) -> List.of(Spread.format(top.figure((s) -> Steps.p99(s, "order")), Format::ms),
						Spread.format(top.figure(Steps::errorRate), Format::percent),
						Spread.format(evidence.runFigure(NAME, variant, "ordersCreated"), Format::count),
						Spread.format(evidence.runFigure(NAME, variant, "stockInvariantViolations"), Format::count),
						Spread.format(evidence.runFigure(NAME, variant, "duplicateOrders"), Format::count)));
	}

	/** The hot products are {@code hotProducts} of the profile (5 unless it says). */
	@Override
	public RunCheck check(Database database, Map<String, String> parameters) {
		return new OrdersCheck(database, Integer.parseInt(parameters.getOrDefault("hotProducts", "5")));
	}

	/**
	 * Orders only.
	 */
	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.mix(Map.of(WarmupRequest.ORDER, 100));
	}

}
