package dev.loomflux.comparison.report;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One figure over the repeats of a run: median, min and max of the values that were
 * measured. Null values (not measured) are left out; when none was measured there is no
 * spread at all ({@link #of} returns null).
 *
 * @param median the median (mean of the middle two for an even count)
 * @param min the lowest value
 * @param max the highest value
 * @param count how many values were measured
 */
record Spread(double median, double min, double max, int count) {

	static Spread of(List<Double> values) {
		List<Double> measured = values.stream().filter(Objects::nonNull).sorted().toList();
		if (measured.isEmpty()) {
			return null;
		}
		int n = measured.size();
		double median = (n % 2 == 1) ? measured.get(n / 2) : (measured.get(n / 2 - 1) + measured.get(n / 2)) / 2;
		return new Spread(median, measured.getFirst(), measured.getLast(), n);
	}

	static <T> Spread of(List<T> items, Function<T, Double> figure) {
		return of(items.stream().map(figure).toList());
	}

	/** Whether the repeats disagree, so the range is worth showing. */
	boolean varies() {
		return this.count > 1 && this.min < this.max;
	}

	/**
	 * {@code "12.3 ms"}, or {@code "12.3 ms (11.9..13.0)"} over several repeats (the unit
	 * once when all three share it).
	 */
	String format(Function<Double, String> unit) {
		String median = unit.apply(this.median);
		if (this.count == 1) {
			return median;
		}
		String min = unit.apply(this.min);
		String max = unit.apply(this.max);
		String suffix = median.substring(Math.max(0, median.lastIndexOf(' ')));
		if (suffix.startsWith(" ") && min.endsWith(suffix) && max.endsWith(suffix)) {
			min = min.substring(0, min.length() - suffix.length());
			max = max.substring(0, max.length() - suffix.length());
		}
		return median + " (" + min + ".." + max + ")";
	}

	static String format(Spread spread, Function<Double, String> unit) {
		return (spread != null) ? spread.format(unit) : Format.NOT_MEASURED;
	}

}
