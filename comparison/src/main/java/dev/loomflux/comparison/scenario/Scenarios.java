package dev.loomflux.comparison.scenario;

import java.util.Locale;

/**
 * A scenario's type by its name: {@code catalog-read} is {@link CatalogRead}, the class
 * of this package named like it. A name without a class gets {@link Plain}: its steps
 * reported, nothing derived.
 */
public final class Scenarios {

	private Scenarios() {
	}

	public static Scenario named(String name) {
		StringBuilder type = new StringBuilder(Scenarios.class.getPackageName()).append('.');
		for (String part : name.split("-")) {
			if (!part.isEmpty()) {
				type.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
			}
		}
		try {
			Class<?> found = Class.forName(type.toString());
			if (Scenario.class.isAssignableFrom(found)) {
				return (Scenario) found.getDeclaredConstructor().newInstance();
			}
		}
		catch (ReflectiveOperationException ex) {
			// no class of that name: a plain scenario
		}
		return new Plain(name);
	}

}
