package dev.loomflux.comparison.report;

import java.util.List;

import dev.loomflux.comparison.figures.Spread;

/**
 * What the page's script turns into one Chart.js chart: the figures are computed here,
 * the script only draws them.
 *
 * @param id the canvas id
 * @param title the chart's heading
 * @param type {@code line} (x numeric) or {@code bar} (x categories)
 * @param xLabel x axis title; {@code xLog} whether the x axis is logarithmic
 * @param yLabel y axis title; {@code yLog} whether the y axis is logarithmic
 * @param series the datasets
 * @param notes what the chart does not show: figures not measured, runs that failed
 */
record Chart(String id, String title, String type, String xLabel, boolean xLog, String yLabel, boolean yLog,
		List<Series> series, List<String> notes) {

	/**
	 * @param label legend text
	 * @param color CSS colour
	 * @param style {@code line}, {@code dashed}, {@code marker} (a knee: points only,
	 * large) or {@code objective} (a thin grey line)
	 * @param points the data; a null y is a gap
	 */
	record Series(String label, String color, String style, List<Point> points) {
	}

	/**
	 * @param x a number, or a category name for bar charts
	 * @param y the median, null where not measured
	 * @param min lowest of the repeats; null (no range bar) unless repeats disagree
	 * @param max highest of the repeats
	 */
	record Point(Object x, Double y, Double min, Double max) {

		Point {
			y = round(y);
			min = round(min);
			max = round(max);
		}

		static Point of(Object x, Spread spread) {
			if (spread == null) {
				return new Point(x, null, null, null);
			}
			return spread.varies() ? new Point(x, spread.median(), spread.min(), spread.max())
					: new Point(x, spread.median(), null, null);
		}

		/** Four significant digits: enough to plot, and the page stays small. */
		static Double round(Double value) {
			if (value == null || value == 0 || !Double.isFinite(value)) {
				return value;
			}
			return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
		}

	}

}
