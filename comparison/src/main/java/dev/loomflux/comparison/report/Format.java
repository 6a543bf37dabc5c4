package dev.loomflux.comparison.report;

import java.util.Locale;

/** How figures are written in the report's tables; null is always "not measured". */
final class Format {

	static final String NOT_MEASURED = "not measured";

	private static final double MIB = 1024 * 1024;

	private Format() {
	}

	/** Up to three significant digits below 100, whole numbers above. */
	static String number(Double value) {
		if (value == null) {
			return NOT_MEASURED;
		}
		double abs = Math.abs(value);
		if (abs >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (abs >= 10) ? "%.1f" : (abs >= 1) ? "%.2f" : "%.3g", value);
	}

	static String ms(Double value) {
		return (value == null) ? NOT_MEASURED : number(value) + " ms";
	}

	static String seconds(Double value) {
		return (value == null) ? NOT_MEASURED : number(value) + " s";
	}

	/** Bytes as MiB for process sizes, as bytes or KiB for per-task sizes. */
	static String bytes(Double value) {
		if (value == null) {
			return NOT_MEASURED;
		}
		if (Math.abs(value) >= MIB) {
			return number(value / MIB) + " MiB";
		}
		return (Math.abs(value) >= 1024) ? number(value / 1024) + " KiB" : number(value) + " B";
	}

	static String percent(Double share) {
		return (share == null) ? NOT_MEASURED : number(share * 100) + " %";
	}

	static Double mib(Double bytes) {
		return (bytes == null) ? null : bytes / MIB;
	}

}
