package dev.loomflux.comparison.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.scenario.CpuNeighbour;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Evidence.Level;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Step;

/**
 * C4: foreground "product" p99 in cpu-neighbour at the highest background,
 * reactive-inline against reactive and each against its own background-0 baseline
 * (medians across repeats). A foreground that fails (errors >= 1 % where reactive's stay
 * under) is a stall too: p99 of the successful responses alone would hide it.
 */
final class EventLoopStall {

	static final String FOREGROUND = "product";

	static final double STALL_FACTOR = 5;

	static final double OFFLOAD_FACTOR = 3;

	static final double MAX_ERROR_PERCENT = 1;

	static final String RULE = "cpu-neighbour, foreground p99 at the highest background: supported if reactive-inline >= 5x reactive "
			+ "(or inline's foreground errors >= 1 % while reactive's are < 1 %) and reactive stays within 3x its background-0 p99; "
			+ "refuted if inline neither stalls against reactive nor exceeds 3x its own baseline; else it depends";

	private EventLoopStall() {
	}

	static ClaimVerdict evaluate(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Foreground inline = Foreground.of(evidence, Evidence.REACTIVE_INLINE);
		Foreground reactive = Foreground.of(evidence, Evidence.REACTIVE);
		figures.put(Evidence.REACTIVE_INLINE, inline.describe());
		figures.put(Evidence.REACTIVE, reactive.describe());
		if (!inline.measured() || !reactive.measured()) {
			return Verdict.of(Claim.C4, figures, Verdict.NOT_MEASURED, RULE,
					"The baseline or highest-background foreground p99 of reactive-inline or reactive is missing.");
		}
		double versusReactive = inline.high() / reactive.high();
		boolean inlineFails = inline.errors() != null && inline.errors() * 100 >= MAX_ERROR_PERCENT
				&& reactive.errors() != null && reactive.errors() * 100 < MAX_ERROR_PERCENT;
		boolean stalls = versusReactive >= STALL_FACTOR || inlineFails;
		boolean offloadHolds = reactive.high() <= OFFLOAD_FACTOR * reactive.baseline();
		String numbers = "At background " + Format.count(inline.background) + ": inline p99 " + Format.ms(inline.high())
				+ " = " + Format.ratio(versusReactive) + " reactive's " + Format.ms(reactive.high())
				+ (inlineFails ? " (and inline's foreground failed)" : "") + "; reactive "
				+ Format.ratio(reactive.high() / reactive.baseline()) + " its baseline "
				+ Format.ms(reactive.baseline()) + ".";
		if (stalls && offloadHolds) {
			return Verdict.of(Claim.C4, figures, Verdict.SUPPORTED, RULE,
					numbers + " CPU work on the loop stalls the foreground; offloading fixes it.");
		}
		if (!stalls && inline.high() <= OFFLOAD_FACTOR * inline.baseline()) {
			return Verdict.of(Claim.C4, figures, Verdict.REFUTED, RULE,
					numbers + " The inline loop did not stall its other requests.");
		}
		String half = stalls
				? "the inline loop stalls, but offloading did not keep reactive within 3x of its baseline (on one core the worker pool competes with the loop for the same CPU)"
				: "inline slowed down against its own baseline but not 5x against reactive";
		return Verdict.of(Claim.C4, figures, Verdict.IT_DEPENDS, RULE, numbers + " It depends: " + half + ".");
	}

	/**
	 * Foreground figures of one variant at background 0 and at the highest background,
	 * across repeats; the rule decides on the medians.
	 */
	record Foreground(Spread baselineP99, Spread highP99, Spread highMax, Spread highErrors, double background) {

		static Foreground of(Evidence evidence, String variant) {
			List<Level> levels = Evidence.levels(evidence.runs(CpuNeighbour.NAME, variant), Step::background);
			if (levels.size() < 2 || levels.getFirst().key() != 0) {
				return new Foreground(null, null, null, null, 0);
			}
			Level top = levels.getLast();
			return new Foreground(levels.getFirst().figure((s) -> Steps.p99(s, FOREGROUND)),
					top.figure((s) -> Steps.p99(s, FOREGROUND)), top.figure((s) -> Steps.max(s, FOREGROUND)),
					top.figure((s) -> Steps.errorRate(s, FOREGROUND)), top.key());
		}

		boolean measured() {
			return this.baselineP99 != null && this.highP99 != null && this.baselineP99.median() > 0
					&& this.highP99.median() > 0;
		}

		double baseline() {
			return this.baselineP99.median();
		}

		double high() {
			return this.highP99.median();
		}

		Double errors() {
			return (this.highErrors != null) ? this.highErrors.median() : null;
		}

		String describe() {
			return "p99 " + Spread.format(this.baselineP99, Format::ms) + " at background 0, "
					+ Spread.format(this.highP99, Format::ms) + " at background " + Format.count(this.background)
					+ " (max " + Spread.format(this.highMax, Format::ms) + ", errors "
					+ Spread.format(this.highErrors, Format::percent) + ")";
		}

	}

}
