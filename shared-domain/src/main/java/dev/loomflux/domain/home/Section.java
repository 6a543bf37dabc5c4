package dev.loomflux.domain.home;

import java.util.Optional;

/**
 * The outcome of one section of the home fan-out: its value, or nothing when it failed or
 * missed the deadline (the page is then degraded, not failed).
 */
public record Section<T>(HomeSection name, Optional<T> value) {

	public static <T> Section<T> of(HomeSection name, T value) {
		return new Section<>(name, Optional.of(value));
	}

	public static <T> Section<T> missing(HomeSection name) {
		return new Section<>(name, Optional.empty());
	}

	T orNull() {
		return this.value.orElse(null);
	}

}
