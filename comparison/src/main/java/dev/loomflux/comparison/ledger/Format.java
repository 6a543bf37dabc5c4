package dev.loomflux.comparison.ledger;

import java.util.Locale;

/** How the ledger writes numbers: units always, "not measured" for a missing figure. */
final class Format {

	static final String NOT_MEASURED = "not measured";

	private Format() {
	}

	static String ms(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f ms", value)
				: String.format(Locale.ROOT, "%.1f ms", value);
	}

	static String ns(double value) {
		return String.format(Locale.ROOT, "%.0f ns", value);
	}

	static String rate(double value) {
		return String.format(Locale.ROOT, "%.0f/s", value);
	}

	static String count(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

	static String ratio(double value) {
		return String.format(Locale.ROOT, "%.1fx", value);
	}

	static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
	}

	static String seconds(double value) {
		return String.format(Locale.ROOT, "%.1f s", value);
	}

	static String cpuMs(double seconds) {
		return String.format(Locale.ROOT, "%.2f ms CPU", seconds * 1000);
	}

	/** Binary units: KiB, MiB, GiB. */
	static String bytes(double value) {
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

	static String orNotMeasured(Double value, java.util.function.DoubleFunction<String> unit) {
		return (value != null) ? unit.apply(value) : NOT_MEASURED;
	}

}
