package dev.loomflux.comparison.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.scenario.Connections;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Evidence.Level;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * C3: the most SSE streams reactive held with errors under {@value #MAX_ERROR_PERCENT} %
 * (medians across repeats), and its RSS per stream; loom is quoted for context.
 */
final class EventLoopConnections {

	static final double MAX_ERROR_PERCENT = 1;

	/** "Tens of thousands": the smallest count that would be the claim's scale. */
	static final int CLAIMED_STREAMS = 10_000;

	static final String MAX_STREAMS_SETTING = "bff.prices.max-streams";

	static final String RULE = "streams held = highest connections step with errors < 1 % (reactive); "
			+ "supported if >= 10,000 held; refuted if reactive failed a step below both 10,000 and its configured cap; "
			+ "it depends when every tested step held but the tested maximum is under 10,000";

	private EventLoopConnections() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		List<Level> reactive = Evidence.levels(evidence.runs(Connections.NAME, Evidence.REACTIVE), Step::concurrency);
		for (String variant : List.of(Evidence.REACTIVE, Evidence.LOOM)) {
			List<Level> levels = (variant.equals(Evidence.REACTIVE)) ? reactive
					: Evidence.levels(evidence.runs(Connections.NAME, variant), Step::concurrency);
			figures.put(variant, describe(evidence, variant, levels));
		}
		String cap = evidence.setting(MAX_STREAMS_SETTING);
		String limits = " Tested maximum " + (reactive.isEmpty() ? "none" : Format.count(reactive.getLast().key()))
				+ " streams, capped by " + MAX_STREAMS_SETTING + " = " + ((cap != null) ? cap : "not recorded")
				+ " and the open-file limit of " + ThreadPerRequestCollapse.OPEN_FILE_LIMIT + " per process.";
		if (reactive.isEmpty()) {
			return Verdict.of(Claim.C3, figures, Verdict.NOT_MEASURED, RULE,
					"No connections run of reactive." + limits);
		}
		Level held = null;
		Level failed = null;
		for (Level level : reactive) {
			if (level.errorsBelow(MAX_ERROR_PERCENT / 100)) {
				held = level;
			}
			else if (failed == null && level.figure(Steps::errorRate) != null) {
				failed = level;
			}
		}
		Spread perStream = evidence.runFigure(Connections.NAME, Evidence.REACTIVE, "rssBytesPerStream");
		String memory = " RSS per stream " + Spread.format(perStream, Format::bytes) + ".";
		if (held != null && held.key() >= CLAIMED_STREAMS) {
			return Verdict.of(Claim.C3, figures, Verdict.SUPPORTED, RULE,
					"reactive held " + Format.count(held.key()) + " streams with errors < 1 %." + memory + limits);
		}
		Double capValue = parse(cap);
		if (failed != null && failed.key() < CLAIMED_STREAMS && (capValue == null || failed.key() <= capValue)) {
			return Verdict.of(Claim.C3, figures, Verdict.REFUTED, RULE,
					"reactive failed at " + Format.count(failed.key()) + " streams (errors "
							+ Spread.format(failed.figure(Steps::errorRate), Format::percent) + ")." + memory + limits);
		}
		if (held == null) {
			return Verdict.of(Claim.C3, figures, Verdict.NOT_MEASURED, RULE,
					"No connections step had its errors measured." + limits);
		}
		return Verdict.of(Claim.C3, figures, Verdict.IT_DEPENDS, RULE, "reactive held every tested step up to "
				+ Format.count(held.key())
				+ " streams; tens of thousands were not reachable here, so it depends on extrapolating the memory per stream."
				+ memory + limits);
	}

	private static String describe(Evidence evidence, String variant, List<Level> levels) {
		if (levels.isEmpty()) {
			return Format.NOT_MEASURED;
		}
		Level top = levels.getLast();
		return Format.count(top.key()) + " streams: errors "
				+ Spread.format(top.figure(Steps::errorRate), Format::percent) + ", RSS "
				+ Spread.format(top.figure((s) -> Steps.server(s, ServerStats::rssBytes)), Format::bytes) + ", threads "
				+ Spread.format(top.figure((s) -> Steps.server(s, ServerStats::platformThreads)), Format::count)
				+ "; RSS/stream "
				+ Spread.format(evidence.runFigure(Connections.NAME, variant, "rssBytesPerStream"), Format::bytes)
				+ ", heap/stream "
				+ Spread.format(evidence.runFigure(Connections.NAME, variant, "heapBytesPerStream"), Format::bytes);
	}

	private static Double parse(String value) {
		try {
			return (value != null) ? Double.valueOf(value.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
