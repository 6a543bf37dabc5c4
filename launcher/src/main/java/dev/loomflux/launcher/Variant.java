package dev.loomflux.launcher;

import java.util.List;

/**
 * A way to run a service: which module's jar, with which Spring profile and which JVM
 * flags on top of {@link ServiceProcess#JVM_FLAGS}. The one list of variants: the
 * comparison measures {@link #COMPARED} by default and any of {@link #ALL} by name.
 *
 * @param name e.g. {@code loom}
 * @param module the Maven module whose jar runs
 * @param profile the Spring profile that makes the variant ("" for the module's default)
 * @param model the {@code model} tag its metrics carry
 * @param flags JVM flags of this variant only
 */
public record Variant(String name, String module, String profile, String model, List<String> flags) {

	public static final Variant LOOM = new Variant("loom", "service-loom", "", "virtual-threads", List.of());

	public static final Variant PLATFORM = new Variant("platform", "service-loom", "platform", "platform-threads",
			List.of());

	public static final Variant REACTIVE = new Variant("reactive", "service-reactive", "", "event-loop", List.of());

	public static final Variant REACTIVE_INLINE = new Variant("reactive-inline", "service-reactive", "reactive-inline",
			"event-loop-inline", List.of());

	/**
	 * Reactor Netty starts max(cores, 4) event-loop threads: 4 on one core. This variant
	 * shows what that costs (one loop thread); it is in no default set.
	 */
	public static final Variant REACTIVE_ONE_LOOP = new Variant("reactive-one-loop", "service-reactive", "",
			"event-loop", List.of("-Dreactor.netty.ioWorkerCount=1"));

	/**
	 * service-loom's code on Jetty instead of Tomcat (module service-loom-jetty): the
	 * servlet container measured as a choice (docs/comparison.md, "The servlet
	 * container"); in no default set.
	 */
	public static final Variant LOOM_JETTY = new Variant("loom-jetty", "service-loom-jetty", "", "virtual-threads",
			List.of());

	/**
	 * service-loom's stack with nothing of the service's own: the least it does for a
	 * cached product read (docs/comparison.md, "The floors").
	 */
	public static final Variant FLOOR_LOOM = new Variant("floor-loom", "floor-loom", "", "virtual-threads", List.of());

	/** floor-loom's code on Jetty: the floor of {@link #LOOM_JETTY}. */
	public static final Variant FLOOR_LOOM_JETTY = new Variant("floor-loom-jetty", "floor-loom-jetty", "",
			"virtual-threads", List.of());

	/** service-reactive's stack with nothing of the service's own. */
	public static final Variant FLOOR_REACTIVE = new Variant("floor-reactive", "floor-reactive", "", "event-loop",
			List.of());

	/**
	 * What {@code ./loomflux compare} measures when no variant is named; the floors run
	 * only the scenarios that ask for them ({@link #floor()}).
	 */
	public static final List<Variant> COMPARED = List.of(LOOM, PLATFORM, REACTIVE, REACTIVE_INLINE, FLOOR_LOOM,
			FLOOR_REACTIVE);

	/** Every variant there is, by name. */
	public static final List<Variant> ALL = List.of(LOOM, PLATFORM, REACTIVE, REACTIVE_INLINE, REACTIVE_ONE_LOOP,
			LOOM_JETTY, FLOOR_LOOM, FLOOR_REACTIVE, FLOOR_LOOM_JETTY);

	/**
	 * Whether it is a stack's floor rather than a service: it serves only cached product
	 * reads, so it runs only the scenarios made for it.
	 */
	public boolean floor() {
		return this.module.startsWith("floor-");
	}

	/**
	 * The floor of this variant's stack, or the variant itself for a floor: each service
	 * module {@code service-X} has its floor in {@code floor-X} (floor-loom for every
	 * variant of service-loom, floor-loom-jetty for service-loom-jetty, floor-reactive
	 * for service-reactive's).
	 */
	public Variant floorOfItsStack() {
		String floorModule = this.module.replaceFirst("^service-", "floor-");
		return ALL.stream()
			.filter((variant) -> variant.module().equals(floorModule))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no floor module " + floorModule + " for " + this.name));
	}

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
