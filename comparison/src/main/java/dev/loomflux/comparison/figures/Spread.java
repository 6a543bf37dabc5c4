package dev.loomflux.comparison.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * One figure across the repeats of a run: median (min..max). Built from the repeats that
 * measured it; null when none did, so that a missing figure is never taken for zero.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param count how many repeats measured it
 */
public record Spread(double median, double min, double max, int count) {

	/**
	 * @return null when no value is present
	 */
	public static Spread of(Collection<Double> values) {
		List<Double> present = new ArrayList<>(values.stream().filter(Objects::nonNull).sorted().toList());
		if (present.isEmpty()) {
			return null;
		}
		int n = present.size();
		double median = (n % 2 == 1) ? present.get(n / 2) : (present.get(n / 2 - 1) + present.get(n / 2)) / 2;
		return new Spread(median, present.getFirst(), present.getLast(), n);
	}

	public static <T> Spread of(List<T> items, java.util.function.Function<T, Double> figure) {
		return of(items.stream().map(figure).toList());
	}

	/** Whether the repeats disagree, so the range is worth showing. */
	public boolean varies() {
		return this.count > 1 && this.min < this.max;
	}

	/**
	 * {@code "12 ms"}, or {@code "12 ms (10 ms..15 ms)"} across repeats: how summary.md
	 * and report.html both write a figure over repeats.
	 */
	public String format(DoubleFunction<String> unit) {
		if (this.count == 1 || this.min == this.max) {
			return unit.apply(this.median);
		}
		return unit.apply(this.median) + " (" + unit.apply(this.min) + ".." + unit.apply(this.max) + ")";
	}

	public static String format(Spread spread, DoubleFunction<String> unit) {
		return (spread != null) ? spread.format(unit) : Format.NOT_MEASURED;
	}

}
