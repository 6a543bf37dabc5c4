package dev.loomflux.comparison.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.loomflux.gatling.recording.LatencyFile;

/**
 * Whether the load generator, not the service, could have been the limit of a step: the
 * requests it planned against those it sent, how late it sent them and how busy its own
 * CPU was. Any figure it could not measure is null. Sending too few or running out of CPU
 * makes the step invalid whatever it measured ({@code problem}); lateness is already
 * charged to the latency (timed from the schedule), so it matters only to a step that
 * missed its objective, and the knee judges it there against that objective
 * (Knee#lateSender).
 *
 * @param planned requests the step's schedule asked for (open-model steps; null for
 * closed ones, which have no schedule)
 * @param sent requests that went out during the step (with a schedule, its scheduled
 * requests intended in the step)
 * @param sendLatenessP99Ms p99 of (actual send time - intended send time)
 * @param cpuShare the load generator's busy share of its cores over the step (0..1)
 * @param problem why the step is not a measurement of the service, null when it is
 */
public record LoadGeneratorCheck(Long planned, Long sent, Double sendLatenessP99Ms, Double cpuShare, String problem) {

	/**
	 * The share of its planned requests a load generator must send: fewer, and the
	 * service was offered less than the step says (#14).
	 */
	public static final double MIN_SENT_SHARE = 0.98;

	/**
	 * A core busier than this queues its own work: at 0.9 utilisation a single server's
	 * mean wait is already 9 times its service time (M/M/1: rho / (1 - rho)), so sends
	 * and response handling fall behind.
	 */
	public static final double MAX_CPU_SHARE = 0.9;

	/**
	 * The check of one step from what the load generator recorded; null when the recorder
	 * wrote nothing (results of an older recorder).
	 */
	public static LoadGeneratorCheck of(LatencyFile.LoadGeneratorFigures figures) {
		if (figures == null) {
			return null;
		}
		List<String> problems = new ArrayList<>();
		if (figures.planned() != null && figures.planned() > 0 && figures.sent() < MIN_SENT_SHARE * figures.planned()) {
			problems.add(String.format(Locale.ROOT, "sent %d of %d planned requests (%.1f %%, below %.0f %%)",
					figures.sent(), figures.planned(), 100.0 * figures.sent() / figures.planned(),
					100 * MIN_SENT_SHARE));
		}
		if (figures.cpuShare() != null && figures.cpuShare() > MAX_CPU_SHARE) {
			problems.add(String.format(Locale.ROOT, "its CPU %.2f of its cores (above %.2f)", figures.cpuShare(),
					MAX_CPU_SHARE));
		}
		String problem = problems.isEmpty() ? null : "load generator limit: " + String.join("; ", problems);
		return new LoadGeneratorCheck(figures.planned(), figures.sent(), figures.sendLatenessP99Ms(),
				figures.cpuShare(), problem);
	}

}
