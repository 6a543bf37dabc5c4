package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.Results;

/** The variants in the manifest's order, each with the same colour on every chart. */
final class Variants {

	/** Colour-blind-safe (ColorBrewer Dark2). */
	private static final Map<String, String> COLORS = Map.of("loom", "#1b9e77", "platform", "#d95f02", "reactive",
			"#7570b3", "reactive-inline", "#e7298a");

	private static final List<String> SPARE = List.of("#66a61e", "#e6ab02", "#a6761d", "#666666");

	private final List<String> names;

	private Variants(List<String> names) {
		this.names = names;
	}

	static Variants of(Results results) {
		return new Variants(new ArrayList<>(results.variantNames()));
	}

	List<String> names() {
		return this.names;
	}

	String color(String variant) {
		String color = COLORS.get(variant);
		if (color != null) {
			return color;
		}
		int index = Math.max(0, this.names.indexOf(variant));
		return SPARE.get(index % SPARE.size());
	}

}
