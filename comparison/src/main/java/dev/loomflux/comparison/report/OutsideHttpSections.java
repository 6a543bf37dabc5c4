package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.report.Chart.Point;
import dev.loomflux.comparison.report.Chart.Series;
import dev.loomflux.comparison.results.CodeMetrics;
import dev.loomflux.comparison.results.Footprint;
import dev.loomflux.comparison.results.Microbenchmarks;

/**
 * The figures that are not load steps: footprints before load (C11), the microbenchmarks
 * (C6, C7) and the code metrics (C13).
 */
final class OutsideHttpSections {

	private static final String GREY = "#888888";

	private OutsideHttpSections() {
	}

	static void footprints(Page page, List<Footprint> footprints, Variants variants) {
		page.section("footprints", "Footprints: start-up, idle, warm-up");
		if (footprints == null || footprints.isEmpty()) {
			page.paragraph("Footprints: not measured.").endSection();
			return;
		}
		List<List<String>> rows = footprints.stream()
			.map((f) -> List.of(f.variant(), Format.orNotMeasured(f.startupSeconds(), Format::seconds),
					Format.orNotMeasured(f.baseMemoryBytes(), Format::bytes),
					Format.orNotMeasured(f.idleOutsideHeapRssBytes(), Format::bytes),
					Format.orNotMeasured(f.idleLiveHeapBytes(), Format::bytes),
					Format.orNotMeasured(f.idleRssBytes(), Format::bytes),
					Format.orNotMeasured(f.idleHeapUsedBytes(), Format::bytes), Format.number(f.idlePlatformThreads()),
					(f.warmupRounds() != null) ? String.valueOf(f.warmupRounds().size()) : Format.NOT_MEASURED,
					lastJitShare(f), f.warmupSteady() ? "yes" : "no: hit its time limit"))
			.toList();
		page.paragraph("Base memory (C11): the resident memory outside the Java heap plus the heap live after a "
				+ "full GC, one second after ready. The idle RSS counts every heap page written since the start "
				+ "as well, which is how far allocation ran before the first GC.");
		page.table(
				List.of("variant", "start-up", "base memory", "outside the heap", "live heap", "idle RSS", "idle heap",
						"idle platform threads", "warm-up rounds", "JIT's CPU in the last round", "warm-up steady"),
				rows);
		List<Series> memory = List.of(
				memorySeries("outside the heap (MiB)", "#59a14f", footprints, Footprint::idleOutsideHeapRssBytes),
				memorySeries("live heap (MiB)", "#e15759", footprints, Footprint::idleLiveHeapBytes),
				memorySeries("RSS (MiB)", "#4e79a7", footprints, Footprint::idleRssBytes),
				memorySeries("heap used (MiB)", "#f28e2b", footprints, Footprint::idleHeapUsedBytes));
		List<Series> warmup = footprints.stream()
			.filter((f) -> f.warmupRounds() != null)
			.map((f) -> new Series(f.variant(), variants.color(f.variant()), "line",
					IntStream.range(0, f.warmupRounds().size())
						.mapToObj((i) -> new Point(i + 1, f.warmupRounds().get(i), null, null))
						.toList()))
			.toList();
		page.charts(List.of(
				new Chart("footprint-idle-memory", "Idle memory after start-up", "bar", "variant", false, "MiB", false,
						memory, missing(footprints)),
				new Chart("footprint-warmup", "Warm-up rounds", "line", "round", false, "requests/s", false, warmup,
						List.of())));
		page.endSection();
	}

	/** One idle figure of every footprint, in MiB, as a series of the memory chart. */
	private static Series memorySeries(String name, String color, List<Footprint> footprints,
			Function<Footprint, Double> bytes) {
		return new Series(name, color, "line",
				footprints.stream()
					.map((f) -> new Point(f.variant(), Format.mib(bytes.apply(f)), null, null))
					.toList());
	}

	private static String lastJitShare(Footprint footprint) {
		List<Double> shares = footprint.warmupJitShares();
		return (shares == null || shares.isEmpty() || shares.getLast() == null) ? Format.NOT_MEASURED
				: Format.percent(shares.getLast());
	}

	private static List<String> missing(List<Footprint> footprints) {
		List<String> notes = new ArrayList<>();
		for (Footprint f : footprints) {
			if (f.idleRssBytes() == null || f.idleHeapUsedBytes() == null) {
				notes.add(f.variant() + ": idle " + ((f.idleRssBytes() == null) ? "RSS" : "heap")
						+ " not measured (gap in the chart).");
			}
			if (f.baseMemoryBytes() == null) {
				notes.add(f.variant() + ": base memory not measured (gap in the chart).");
			}
		}
		return notes;
	}

	static void microbenchmarks(Page page, Microbenchmarks micro) {
		page.section("microbenchmarks", "Microbenchmarks: hand-off cost and parked-task size");
		if (micro == null) {
			page.paragraph("Microbenchmarks: not measured.").endSection();
			return;
		}
		if (micro.failure() != null) {
			page.html("<p class=\"failure\">Not measured: " + Html.text(micro.failure()) + "</p>");
		}
		if (micro.conditions() != null) {
			page.paragraph(micro.conditions());
		}
		List<Microbenchmarks.Handoff> handoffs = (micro.handoffs() != null) ? micro.handoffs() : List.of();
		List<Microbenchmarks.Parked> parked = (micro.parked() != null) ? micro.parked() : List.of();
		page.table(List.of("hand-off", "ns per hand-off", "99.9 % error"),
				handoffs.stream()
					.map((h) -> List.of(h.kind(), Format.number(h.nsPerHandoff()),
							(h.error() != null) ? "± " + Format.number(h.error()) : Format.NOT_MEASURED))
					.toList());
		page.table(List.of("parked task", "count", "heap per task", "RSS per task"),
				parked.stream()
					.map((p) -> List.of(p.kind(), Format.number((double) p.count()),
							Format.orNotMeasured(p.heapBytesPerTask(), Format::bytes),
							Format.orNotMeasured(p.rssBytesPerTask(), Format::bytes)))
					.toList());
		Series handoff = new Series("ns per hand-off (bar: ± 99.9 % error)", "#4e79a7", "line", handoffs.stream()
			.map((h) -> (h.error() != null)
					? new Point(h.kind(), h.nsPerHandoff(), h.nsPerHandoff() - h.error(), h.nsPerHandoff() + h.error())
					: new Point(h.kind(), h.nsPerHandoff(), null, null))
			.toList());
		List<Series> perTask = List.of(
				new Series("heap per task (bytes)", "#f28e2b", "line",
						parked.stream().map((p) -> new Point(p.kind(), p.heapBytesPerTask(), null, null)).toList()),
				new Series("RSS per task (bytes)", "#4e79a7", "line",
						parked.stream().map((p) -> new Point(p.kind(), p.rssBytesPerTask(), null, null)).toList()));
		List<String> parkedNotes = parked.stream()
			.filter((p) -> p.heapBytesPerTask() == null || p.rssBytesPerTask() == null)
			.map((p) -> p.kind() + ": a per-task figure was not measured (gap in the chart).")
			.toList();
		page.charts(List.of(
				new Chart("micro-handoff", "Hand-off cost", "bar", "kind", false, "ns", false, List.of(handoff),
						List.of()),
				new Chart("micro-parked", "Memory per parked task", "bar", "kind", false, "bytes (log)", true, perTask,
						parkedNotes)));
		page.endSection();
	}

	static void codeMetrics(Page page, List<CodeMetrics> metrics) {
		page.section("code", "Code metrics: the same features, written twice");
		if (metrics == null || metrics.isEmpty()) {
			page.paragraph("Code metrics: not measured.").endSection();
			return;
		}
		page.table(List.of("feature", "service", "lines", "deepest nesting", "Reactor operators"),
				metrics.stream()
					.map((m) -> List.of(m.feature(), m.service(), String.valueOf(m.lines()),
							String.valueOf(m.maxNesting()), String.valueOf(m.reactorOperators())))
					.toList());
		List<String> services = metrics.stream().map(CodeMetrics::service).distinct().toList();
		List<String> colors = List.of("#1b9e77", "#7570b3", GREY);
		List<Series> lines = IntStream.range(0, services.size())
			.mapToObj((i) -> new Series(services.get(i), colors.get(Math.min(i, colors.size() - 1)), "line",
					metrics.stream()
						.filter((m) -> m.service().equals(services.get(i)))
						.map((m) -> new Point(m.feature(), (double) m.lines(), null, null))
						.toList()))
			.toList();
		page.charts(List.of(new Chart("code-lines", "Lines of code per feature", "bar", "feature", false, "lines",
				false, lines, List.of())));
		page.endSection();
	}

}
