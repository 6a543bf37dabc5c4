package dev.loomflux.comparison.results;

/**
 * One feature package of one service, counted from its source (claim C13).
 *
 * @param feature {@code catalog}, {@code cart}, {@code home}, {@code orders},
 * {@code insights}, {@code prices}
 * @param service {@code service-loom} or {@code service-reactive}
 * @param lines non-blank, non-comment lines of code
 * @param maxNesting deepest nesting of braces and lambda bodies inside a method
 * @param reactorOperators calls of Reactor operators ({@code flatMap}, {@code zip}, ...)
 */
public record CodeMetrics(String feature, String service, int lines, int maxNesting, int reactorOperators) {
}
