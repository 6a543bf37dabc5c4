package dev.loomflux.comparison.footprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.loomflux.comparison.figures.Format;

/**
 * What a service holds for each task waiting in it: the memory with {@code held} tasks
 * open less the memory with none, each read right after a full GC, divided by the tasks
 * the service itself counted open.
 *
 * @param variant the service's variant
 * @param kind what was held ({@code price stream}, {@code home request})
 * @param asked tasks the client opened
 * @param held tasks the service counted open when it was measured, less those it counted
 * before they were opened (its open-streams gauge, its requests-in-flight gauge)
 * @param answeredEarly connections answered before the measurement (a refusal, an error,
 * a page not held): a home request should have none
 * @param failed connections that failed to connect or were closed by the service
 * @param liveHeapBefore heap used after a full GC, with no task open
 * @param liveHeapWith the same with the tasks open
 * @param outsideHeapRssBefore resident memory outside the heap's address range (thread
 * stacks, code, metaspace, direct buffers, the C heap), with no task open
 * @param outsideHeapRssWith the same with the tasks open
 * @param rssBefore the process's whole resident memory ({@code VmRSS}), with no task open
 * @param rssWith the same with the tasks open
 * @param note what limited or shaped the measurement, if anything
 */
public record TaskFootprint(String variant, String kind, int asked, int held, int answeredEarly, int failed,
		double liveHeapBefore, double liveHeapWith, double outsideHeapRssBefore, double outsideHeapRssWith,
		double rssBefore, double rssWith, String note) {

	/** Heap live after a full GC, per task held. */
	public double liveHeapPerTask() {
		return perTask(this.liveHeapWith - this.liveHeapBefore);
	}

	/** Resident memory outside the heap, per task held. */
	public double outsideHeapRssPerTask() {
		return perTask(this.outsideHeapRssWith - this.outsideHeapRssBefore);
	}

	/**
	 * The process's resident memory, per task held; with a fixed heap it also counts heap
	 * pages first touched meanwhile, garbage included.
	 */
	public double rssPerTask() {
		return perTask(this.rssWith - this.rssBefore);
	}

	private double perTask(double bytes) {
		return (this.held > 0) ? bytes / this.held : Double.NaN;
	}

	/** A Markdown table of {@code footprints}, one row each. */
	public static String table(List<TaskFootprint> footprints) {
		List<String> lines = new ArrayList<>();
		lines.add("| variant | task | held (asked) | live heap / task | RSS outside the heap / task | RSS / task "
				+ "| live heap: none → held | answered early, failed | note |");
		lines.add("|---|---|---|---|---|---|---|---|---|");
		for (TaskFootprint row : footprints) {
			lines.add(String.format(Locale.ROOT, "| %s | %s | %,d (%,d) | %s | %s | %s | %s → %s | %d, %d | %s |",
					row.variant(), row.kind(), row.held(), row.asked(), bytes(row.liveHeapPerTask()),
					bytes(row.outsideHeapRssPerTask()), bytes(row.rssPerTask()), bytes(row.liveHeapBefore()),
					bytes(row.liveHeapWith()), row.answeredEarly(), row.failed(),
					(row.note() != null) ? row.note() : ""));
		}
		return String.join("\n", lines) + "\n";
	}

	/** The run's byte formatting ({@link Format#bytes}); "not measured" for none. */
	private static String bytes(double value) {
		return Double.isNaN(value) ? "not measured" : Format.bytes(value);
	}

}
