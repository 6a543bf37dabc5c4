package dev.loomflux.comparison.figures;

import java.util.Locale;

/**
 * How summary.md and report.html write numbers: units always, "not measured" for a
 * missing figure, so a figure reads the same in both.
 */
public final class Format {

	public static final String NOT_MEASURED = "not measured";

	private Format() {
	}

	public static String ms(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f ms", value)
				: String.format(Locale.ROOT, "%.1f ms", value);
	}

	public static String ns(double value) {
		return String.format(Locale.ROOT, "%.0f ns", value);
	}

	public static String rate(double value) {
		return String.format(Locale.ROOT, "%.0f/s", value);
	}

	public static String micros(double value) {
		return String.format(Locale.ROOT, "%.0f µs", value);
	}

	public static String count(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

	public static String ratio(double value) {
		return String.format(Locale.ROOT, "%.1fx", value);
	}

	public static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
	}

	public static String seconds(double value) {
		return String.format(Locale.ROOT, "%.1f s", value);
	}

	public static String cpuMs(double seconds) {
		return String.format(Locale.ROOT, "%.2f ms CPU", seconds * 1000);
	}

	/** Binary units: KiB, MiB, GiB. */
	public static String bytes(double value) {
		double abs = Math.abs(value);
		if (abs >= 1L << 30) {
			return String.format(Locale.ROOT, "%.2f GiB", value / (1L << 30));
		}
		if (abs >= 1L << 20) {
			return String.format(Locale.ROOT, "%.1f MiB", value / (1L << 20));
		}
		if (abs >= 1L << 10) {
			return String.format(Locale.ROOT, "%.1f KiB", value / (1L << 10));
		}
		return String.format(Locale.ROOT, "%.0f B", value);
	}

	public static String orNotMeasured(Double value, java.util.function.DoubleFunction<String> unit) {
		return (value != null) ? unit.apply(value) : NOT_MEASURED;
	}

	/**
	 * A number without a unit: whole numbers from 100 up (with thousands separators), up
	 * to three significant digits below.
	 */
	public static String number(Double value) {
		if (value == null) {
			return NOT_MEASURED;
		}
		double abs = Math.abs(value);
		if (abs >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (abs >= 10) ? "%.1f" : (abs >= 1) ? "%.2f" : "%.3g", value);
	}

	/** Bytes as MiB, for charts; null stays null. */
	public static Double mib(Double bytes) {
		return (bytes == null) ? null : bytes / (1024 * 1024);
	}

}
