package dev.loomflux.comparison.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.loomflux.comparison.scenario.ConcurrencySweep;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Microbenchmarks;

/**
 * C6 and C7, the two claims only the microbenchmarks can isolate: the cost of a hand-off
 * between suspended tasks, and the size of one parked task.
 */
final class SuspendedTasks {

	static final double HANDOFF_FACTOR = 0.5;

	/** "A few KB": a parked virtual thread must stay under 10 KiB of heap. */
	static final double MAX_PARKED_VIRTUAL_BYTES = 10 * 1024;

	static final double PARKED_FACTOR = 5;

	static final String HANDOFF_RULE = "JMH ns per hand-off: supported if virtual-thread <= 0.5x platform-thread; "
			+ "refuted if virtual-thread >= platform-thread; else it depends (reactor quoted)";

	static final String PARKED_RULE = "bytes per parked task: supported if a virtual thread's heap < 10 KiB and a platform thread's RSS >= 5x it; "
			+ "refuted if the virtual thread's heap >= 10 KiB or the platform thread's RSS <= it; else it depends "
			+ "(concurrency-sweep heap and RSS per in-flight request as context)";

	private SuspendedTasks() {
	}

	static ClaimVerdict handoffs(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Microbenchmarks micro = evidence.microbenchmarks();
		if (micro == null || micro.handoffs() == null || micro.handoffs().isEmpty()) {
			return Verdict.of(Claim.C6, figures, Verdict.NOT_MEASURED, HANDOFF_RULE, notRun(micro));
		}
		for (Microbenchmarks.Handoff handoff : micro.handoffs()) {
			figures.put(handoff.kind(), Format.ns(handoff.nsPerHandoff())
					+ ((handoff.error() != null) ? " ± " + Format.ns(handoff.error()) : "") + " per hand-off");
		}
		Double virtual = handoff(micro, "virtual-thread");
		Double platform = handoff(micro, "platform-thread");
		if (virtual == null || platform == null || platform <= 0) {
			return Verdict.of(Claim.C6, figures, Verdict.NOT_MEASURED, HANDOFF_RULE,
					"The virtual-thread or platform-thread hand-off is missing.");
		}
		double ratio = virtual / platform;
		String numbers = "virtual-thread " + Format.ns(virtual) + " = " + Format.ratio(ratio) + " platform-thread's "
				+ Format.ns(platform) + "; reactor " + Format.orNotMeasured(handoff(micro, "reactor"), Format::ns)
				+ ".";
		if (ratio <= HANDOFF_FACTOR) {
			return Verdict.of(Claim.C6, figures, Verdict.SUPPORTED, HANDOFF_RULE,
					numbers + " A virtual thread switch is a user-space continuation swap.");
		}
		if (ratio >= 1) {
			return Verdict.of(Claim.C6, figures, Verdict.REFUTED, HANDOFF_RULE,
					numbers + " The virtual-thread hand-off is not cheaper here.");
		}
		return Verdict.of(Claim.C6, figures, Verdict.IT_DEPENDS, HANDOFF_RULE, numbers
				+ " Cheaper, but not half: it depends on how the hand-off is scheduled (a carrier may still park in the kernel).");
	}

	static ClaimVerdict parked(Evidence evidence) {
		Map<String, String> figures = new LinkedHashMap<>();
		Microbenchmarks micro = evidence.microbenchmarks();
		if (micro != null && micro.parked() != null) {
			for (Microbenchmarks.Parked parked : micro.parked()) {
				figures.put(parked.kind(),
						"heap " + Format.orNotMeasured(parked.heapBytesPerTask(), Format::bytes) + ", RSS "
								+ Format.orNotMeasured(parked.rssBytesPerTask(), Format::bytes) + " per task ("
								+ parked.count() + " parked)");
			}
		}
		for (String variant : List.of(Evidence.LOOM, Evidence.PLATFORM, Evidence.REACTIVE)) {
			Spread heap = evidence.runFigure(ConcurrencySweep.NAME, variant, "heapBytesPerInFlight");
			Spread rss = evidence.runFigure(ConcurrencySweep.NAME, variant, "rssBytesPerInFlight");
			figures.put(variant + " (sweep)", "heap " + Spread.format(heap, Format::bytes) + ", RSS "
					+ Spread.format(rss, Format::bytes) + " per in-flight request");
		}
		if (micro == null || micro.parked() == null || micro.parked().isEmpty()) {
			return Verdict.of(Claim.C7, figures, Verdict.NOT_MEASURED, PARKED_RULE, notRun(micro));
		}
		Double virtual = parked(micro, "virtual-thread", true);
		Double platform = parked(micro, "platform-thread", false);
		if (virtual == null || platform == null) {
			return Verdict.of(Claim.C7, figures, Verdict.NOT_MEASURED, PARKED_RULE,
					"The parked virtual thread's heap or the parked platform thread's RSS is missing.");
		}
		String numbers = "a parked virtual thread holds " + Format.bytes(virtual)
				+ " of heap, a parked platform thread " + Format.bytes(platform) + " of RSS"
				+ ((virtual > 0) ? " (" + Format.ratio(platform / virtual) + ")" : "") + ".";
		if (virtual < MAX_PARKED_VIRTUAL_BYTES && platform >= PARKED_FACTOR * virtual) {
			return Verdict.of(Claim.C7, figures, Verdict.SUPPORTED, PARKED_RULE, numbers);
		}
		if (virtual >= MAX_PARKED_VIRTUAL_BYTES || platform <= virtual) {
			return Verdict.of(Claim.C7, figures, Verdict.REFUTED, PARKED_RULE, numbers);
		}
		return Verdict.of(Claim.C7, figures, Verdict.IT_DEPENDS, PARKED_RULE, numbers
				+ " Small, but the platform thread is not 5x larger: it depends on the stack depth at which each parks.");
	}

	private static Double handoff(Microbenchmarks micro, String kind) {
		return micro.handoffs()
			.stream()
			.filter((h) -> kind.equals(h.kind()))
			.map(Microbenchmarks.Handoff::nsPerHandoff)
			.findFirst()
			.orElse(null);
	}

	private static Double parked(Microbenchmarks micro, String kind, boolean heap) {
		return micro.parked()
			.stream()
			.filter((p) -> kind.equals(p.kind()))
			.map((p) -> heap ? p.heapBytesPerTask() : p.rssBytesPerTask())
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static String notRun(Microbenchmarks micro) {
		if (micro == null) {
			return "The microbenchmarks did not run.";
		}
		return "The microbenchmarks measured nothing" + ((micro.failure() != null) ? ": " + micro.failure() : "") + ".";
	}

}
