package dev.loomflux.comparison;

import java.util.List;

/**
 * A variant the comparison starts: which module's jar, with which Spring profile.
 * Everything else (JVM flags, heap, pools, limits, CPUs) is the same for all of them.
 *
 * @param name e.g. {@code loom}
 * @param module the Maven module whose jar runs
 * @param profile the Spring profile that makes the variant ("" for the module's default)
 * @param model the {@code model} tag its metrics carry
 */
public record Variant(String name, String module, String profile, String model) {

	public static final List<Variant> ALL = List.of(new Variant("loom", "service-loom", "", "virtual-threads"),
			new Variant("platform", "service-loom", "platform", "platform-threads"),
			new Variant("reactive", "service-reactive", "", "event-loop"),
			new Variant("reactive-inline", "service-reactive", "reactive-inline", "event-loop-inline"));

	public static List<String> names() {
		return ALL.stream().map(Variant::name).toList();
	}

	public static Variant named(String name) {
		return ALL.stream()
			.filter((variant) -> variant.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown variant " + name + "; known: " + names()));
	}

}
