package dev.loomflux.comparison.results;

import java.util.Locale;

/**
 * What one trip through the machine's kernel cost at one moment of the run (the start or
 * the end; {@code calibration.KernelPath}): the figure that tells two machines apart when
 * their CPU models do not.
 *
 * @param loopbackWithinLoadCpusMicros a 64-byte loopback TCP round trip between two
 * threads on the load's CPU(s), in µs (median of 5 batches)
 * @param loopbackToServiceCpusMicros the same to a process on the service's CPU(s), the
 * path every request of the run takes
 * @param hypervisor whether the CPU reports running under one; null when not known
 */
public record Calibration(Double loopbackWithinLoadCpusMicros, Double loopbackToServiceCpusMicros, Boolean hypervisor) {

	/** One sentence, for the run's progress, summary.md and report.html. */
	public String text() {
		return String.format(Locale.ROOT,
				"a 64-byte loopback TCP round trip took %s within the load CPU(s) and %s to the service's (%s)",
				micros(this.loopbackWithinLoadCpusMicros), micros(this.loopbackToServiceCpusMicros),
				(this.hypervisor == null) ? "virtualization not known"
						: this.hypervisor ? "the CPU reports a hypervisor" : "no hypervisor");
	}

	private static String micros(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f µs", value) : "not measured";
	}

}
