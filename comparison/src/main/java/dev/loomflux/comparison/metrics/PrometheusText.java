package dev.loomflux.comparison.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Prometheus text exposition format (version 0.0.4), as {@code /actuator/prometheus}
 * serves it: one sample per line, {@code name{label="value",...} value [timestamp]},
 * comments starting with {@code #}. Label values may hold escaped quotes, backslashes and
 * newlines.
 */
public final class PrometheusText {

	private final List<Sample> samples;

	private PrometheusText(List<Sample> samples) {
		this.samples = samples;
	}

	/** One sample: a metric name, its labels and its value. */
	public record Sample(String name, Map<String, String> labels, double value) {
	}

	public static PrometheusText parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				samples.add(parseLine(trimmed));
			}
		}
		return new PrometheusText(samples);
	}

	public List<Sample> samples() {
		return this.samples;
	}

	/**
	 * The sum of every sample of {@code name} whose labels pass {@code labels}; null when
	 * none.
	 */
	public Double sum(String name, Predicate<Map<String, String>> labels) {
		double sum = 0;
		boolean found = false;
		for (Sample sample : this.samples) {
			if (sample.name().equals(name) && labels.test(sample.labels()) && !Double.isNaN(sample.value())) {
				sum += sample.value();
				found = true;
			}
		}
		return found ? sum : null;
	}

	public Double sum(String name) {
		return sum(name, (labels) -> true);
	}

	/**
	 * The first metric of {@code names} that is present, summed: e.g. HikariCP's or
	 * r2dbc-pool's.
	 */
	public Double firstOf(String... names) {
		for (String name : names) {
			Double value = sum(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	static Sample parseLine(String line) {
		int brace = line.indexOf('{');
		int space = line.indexOf(' ');
		Map<String, String> labels = new LinkedHashMap<>();
		String name;
		int rest;
		if (brace >= 0 && (space < 0 || brace < space)) {
			name = line.substring(0, brace);
			rest = parseLabels(line, brace + 1, labels);
		}
		else {
			name = line.substring(0, space);
			rest = space;
		}
		String[] valueAndTime = line.substring(rest).strip().split("\\s+");
		return new Sample(name, labels, parseValue(valueAndTime[0]));
	}

	/** Reads {@code k="v",...} up to the closing brace; returns the index after it. */
	private static int parseLabels(String line, int start, Map<String, String> labels) {
		int index = start;
		while (index < line.length() && line.charAt(index) != '}') {
			int equals = line.indexOf('=', index);
			String key = line.substring(index, equals).strip();
			StringBuilder value = new StringBuilder();
			index = equals + 2; // past ="
			while (line.charAt(index) != '"') {
				char c = line.charAt(index);
				if (c == '\\') {
					char escaped = line.charAt(++index);
					value.append((escaped == 'n') ? '\n' : escaped);
				}
				else {
					value.append(c);
				}
				index++;
			}
			labels.put(key, value.toString());
			index++; // past the closing quote
			if (index < line.length() && line.charAt(index) == ',') {
				index++;
			}
		}
		return index + 1;
	}

	private static double parseValue(String text) {
		return switch (text) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

}
