package dev.loomflux.comparison.figures;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;

/**
 * What one request costs the service, measured at a rate below every knee: the open step
 * at the scenario's {@code efficiencyRate} (the same for every variant), or the run's
 * lowest open step where the profile names none. Not simply the lowest: at 250 req/s the
 * service's fixed background work (scrapes, timers, the JFR sampler) spread over so few
 * requests that service-loom's catalog reads cost 1,296-1,887 µs, against 812 µs at 1,000
 * req/s. CPU time is what the process was charged (/proc), which the hypervisor's steal
 * does not inflate and a busy neighbour does not slow; so, unlike a knee, it can be
 * compared across machines and noisy runs. The figures of the run:
 * <ul>
 * <li>{@code efficiencyRate}: the offered rate of the step they come from, req/s</li>
 * <li>{@code cpuMicrosPerRequest}: the service's CPU time per successful request, µs</li>
 * <li>{@code capacityPerCore}: 1 core-second over that, req/s: what one core could serve
 * if CPU were all that limited it (cross-check it with the knee)</li>
 * <li>{@code jitCpuMicrosPerRequest}: the part of {@code cpuMicrosPerRequest} the JIT
 * compiler threads used, µs: compilation still under way inflates the cost, and this says
 * by how much</li>
 * <li>{@code allocatedBytesPerRequest}: heap allocated per successful request, from the
 * services' per-thread count (the metrics scrapes in the step included, as in the CPU
 * time); from Micrometer's count at young collections for a service without it, and then
 * absent when none fell in the step</li>
 * <li>{@code databaseCpuMicrosPerRequest}: CPU PostgreSQL and Redis used per successful
 * request, µs (on 2 cores they share the service's core: its cost too)</li>
 * </ul>
 * A figure whose inputs are missing is left out. Closed-model scenarios have no such step
 * and no such figures, nor has a run without a step at the named rate.
 */
public final class Efficiency {

	/** The figures' names in a run's figures (the class comment says what each is). */
	public static final String RATE = "efficiencyRate";

	public static final String CPU_PER_REQUEST = "cpuMicrosPerRequest";

	public static final String CAPACITY_PER_CORE = "capacityPerCore";

	public static final String JIT_CPU_PER_REQUEST = "jitCpuMicrosPerRequest";

	public static final String ALLOCATED_PER_REQUEST = "allocatedBytesPerRequest";

	public static final String DATABASE_CPU_PER_REQUEST = "databaseCpuMicrosPerRequest";

	private Efficiency() {
	}

	/**
	 * Measured on a valid reading only: where the machine interfered with the step at
	 * that rate, its rerun (a knee search's) is taken, and without one there is no
	 * figure.
	 * @param rate the offered rate of the step to measure at; null for the lowest open
	 * step
	 */
	public static Map<String, Double> of(List<Step> steps, Double rate) {
		Map<String, Double> figures = new LinkedHashMap<>();
		Step measured = Steps.valid(steps)
			.stream()
			.filter((step) -> step.offeredRate() != null)
			.filter((step) -> rate == null || step.offeredRate().doubleValue() == rate)
			.min(Comparator.comparingDouble(Step::offeredRate))
			.orElse(null);
		Double ok = (measured != null) ? Steps.totalOk(measured) : null;
		if (ok == null || ok <= 0) {
			return figures;
		}
		figures.put(RATE, measured.offeredRate());
		Double cpuPerRequest = Steps.cpuSecondsPerOk(measured);
		if (cpuPerRequest != null && cpuPerRequest > 0) {
			figures.put(CPU_PER_REQUEST, cpuPerRequest * 1e6);
			figures.put(CAPACITY_PER_CORE, 1 / cpuPerRequest);
		}
		Double jit = Steps.server(measured, ServerStats::jitCpuSeconds);
		if (jit != null) {
			figures.put(JIT_CPU_PER_REQUEST, jit / ok * 1e6);
		}
		Double allocated = Steps.server(measured, ServerStats::allocatedBytes);
		// zero only where the count moves at young collections and none fell in the step
		if (allocated != null && allocated > 0) {
			figures.put(ALLOCATED_PER_REQUEST, allocated / ok);
		}
		if (measured.interference() != null && measured.interference().databaseCpuShare() != null) {
			figures.put(DATABASE_CPU_PER_REQUEST,
					measured.interference().databaseCpuShare() * measured.seconds() / ok * 1e6);
		}
		return figures;
	}

}
