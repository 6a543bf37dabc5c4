package dev.loomflux.comparison.scenario;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.figures.Efficiency;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.figures.Steps;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.launcher.Variant;

/**
 * Cached product reads at fixed rates, by the services and by their stacks' floors
 * (docs/comparison.md, "The floors"): what each service spends per request (CPU and heap
 * allocated, at the profile's efficiency rate) over what its own stack spends at the
 * least, so that a service's overhead over its framework is a figure, not a guess. No
 * knee: the rates sit below every variant's.
 * <p>
 * Beside the CPU per request at one rate, the <b>marginal</b> CPU per request: the CPU a
 * second more between the lowest and the highest step, over the requests a second more.
 * What a process spends whatever the load (the scrapes, its timers, an idle event loop's
 * wake-ups) is in the first and not in the second, which is the cost of one more request;
 * at 500 req/s such fixed work made up half of a floor's CPU per request.
 */
public final class CachedRead implements Scenario {

	public static final String NAME = "cached-read";

	static final String MARGINAL_CPU = "marginalCpuMicrosPerRequest";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Map<WarmupRequest, Integer> warmupMix() {
		return WarmupRequest.PRODUCT_READS;
	}

	/**
	 * {@value #MARGINAL_CPU}, from the lowest and the highest valid open step; none
	 * unless both have CPU and successes and the higher served more.
	 */
	@Override
	public Map<String, Double> derive(List<Step> steps) {
		List<Step> open = Steps.valid(steps).stream().filter((step) -> step.offeredRate() != null).toList();
		if (open.size() < 2) {
			return Map.of();
		}
		Step low = open.stream().min(java.util.Comparator.comparingDouble(Step::offeredRate)).orElseThrow();
		Step high = open.stream().max(java.util.Comparator.comparingDouble(Step::offeredRate)).orElseThrow();
		Double lowCpu = Steps.server(low, ServerStats::cpuSeconds);
		Double highCpu = Steps.server(high, ServerStats::cpuSeconds);
		Double lowOk = Steps.totalOk(low);
		Double highOk = Steps.totalOk(high);
		if (lowCpu == null || highCpu == null || lowOk == null || highOk == null) {
			return Map.of();
		}
		double moreRequests = highOk / high.seconds() - lowOk / low.seconds();
		double moreCpu = highCpu / high.seconds() - lowCpu / low.seconds();
		return (moreRequests > 0) ? Map.of(MARGINAL_CPU, moreCpu / moreRequests * 1e6) : Map.of();
	}

	@Override
	public List<String> summaryHeader() {
		return List.of("CPU per request", "over its stack's floor", "marginal CPU per request",
				"over its stack's floor", "allocated per request", "over its stack's floor",
				"errors at the highest step");
	}

	@Override
	public List<String> summaryRow(Evidence evidence, String variant) {
		Spread cpu = evidence.runFigure(NAME, variant, Efficiency.CPU_PER_REQUEST);
		Spread marginal = evidence.runFigure(NAME, variant, MARGINAL_CPU);
		Spread allocated = evidence.runFigure(NAME, variant, Efficiency.ALLOCATED_PER_REQUEST);
		String floor = Variant.named(variant).floorOfItsStack().name();
		boolean isFloor = floor.equals(variant);
		Spread floorCpu = evidence.runFigure(NAME, floor, Efficiency.CPU_PER_REQUEST);
		Spread floorMarginal = evidence.runFigure(NAME, floor, MARGINAL_CPU);
		Spread floorAllocated = evidence.runFigure(NAME, floor, Efficiency.ALLOCATED_PER_REQUEST);
		ScenarioRun first = evidence.runs(NAME, variant).getFirst();
		Double errors = first.steps().isEmpty() ? null : Steps.errorRate(first.steps().getLast());
		return List.of(Spread.format(cpu, Format::micros), isFloor ? "(the floor)" : over(cpu, floorCpu),
				Spread.format(marginal, Format::micros), isFloor ? "(the floor)" : over(marginal, floorMarginal),
				Spread.format(allocated, Format::bytes), isFloor ? "(the floor)" : over(allocated, floorAllocated),
				Format.orNotMeasured(errors, Format::percent));
	}

	/**
	 * The ratio of the medians across repeats, e.g. {@code 1.3x}; not measured unless
	 * both are.
	 */
	static String over(Spread service, Spread floor) {
		return (service != null && floor != null && floor.median() > 0)
				? Format.ratio(service.median() / floor.median()) : Format.NOT_MEASURED;
	}

}
