package dev.loomflux.domain.error;

/**
 * One invalid input: which field (path, query or body name) and what is wrong with it.
 */
public record Violation(String field, String message) {
}
