package dev.loomflux.comparison.figures;

import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.Interference;
import dev.loomflux.comparison.results.ServerStats;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.gatling.recording.RequestStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EfficiencyTest {

	@Test
	void shouldChargeTheLowestOpenStepsCpuAndAllocationToItsSuccessfulRequests() {
		// 3 s at 1,000/s: 2,900 ok, 0.42 s of CPU, 60 MB allocated,
		// the databases 0.1 core
		Step lowest = step(1000, 2900, 100, server(0.42, 60e6), new Interference(0.0, 0.0, 0.1, null));
		Step higher = step(3000, 9000, 0, server(1.5, 200e6), null);
		Map<String, Double> figures = Efficiency.of(List.of(higher, lowest), null);
		assertThat(figures.get("efficiencyRate")).isEqualTo(1000.0);
		assertThat(figures.get("cpuMicrosPerRequest")).isCloseTo(144.83, within(0.01));
		assertThat(figures.get("capacityPerCore")).isCloseTo(6904.8, within(0.1));
		// 0.05 s of it in the compiler threads
		assertThat(figures.get("jitCpuMicrosPerRequest")).isCloseTo(17.24, within(0.01));
		assertThat(figures.get("allocatedBytesPerRequest")).isCloseTo(20689.7, within(0.1));
		assertThat(figures.get("databaseCpuMicrosPerRequest")).isCloseTo(103.45, within(0.01));
	}

	@Test
	void shouldMeasureAtTheProfilesRateWhenItNamesOne() {
		Step lowest = step(1000, 2900, 100, server(0.42, 60e6), null);
		Step named = step(3000, 9000, 0, server(1.5, 200e6), null);
		Map<String, Double> figures = Efficiency.of(List.of(lowest, named), 3000.0);
		assertThat(figures.get("efficiencyRate")).isEqualTo(3000.0);
		assertThat(figures.get("cpuMicrosPerRequest")).isCloseTo(166.67, within(0.01));
		assertThat(Efficiency.of(List.of(lowest, named), 2000.0)).as("no step at that rate: no figure, no stand-in")
			.isEmpty();
	}

	@Test
	void shouldMeasureOnAValidReadingOnly() {
		// a busy neighbour on the service's core during the step, and the knee search's
		// rerun of the same rate without it
		Step interfered = step(1000, 3000, 0, server(0.9, 60e6),
				new Interference(0.0, 0.6, 0.1, "other processes used 58.0 % of the service's core(s)"));
		Step rerun = step(1000, 3000, 0, server(0.45, 60e6), new Interference(0.0, 0.01, 0.1, null));
		assertThat(Efficiency.of(List.of(interfered, rerun), 1000.0).get("cpuMicrosPerRequest")).as("the rerun's")
			.isCloseTo(150.0, within(0.01));
		assertThat(Efficiency.of(List.of(interfered), 1000.0)).as("no valid reading: no figure").isEmpty();
	}

	@Test
	void shouldLeaveOutWhatTheStepDidNotMeasure() {
		Map<String, Double> figures = Efficiency.of(List.of(step(1000, 2900, 0, null, null)), null);
		assertThat(figures).containsOnlyKeys("efficiencyRate");
		// no young collection in the step: the JVM counted no allocation, which is not 0
		// B
		assertThat(Efficiency.of(List.of(step(1000, 2900, 0, server(0.42, 0), null)), null))
			.doesNotContainKey("allocatedBytesPerRequest")
			.containsKey("cpuMicrosPerRequest");
		assertThat(Efficiency.of(
				List.of(new Step("100 in flight", null, 100, null, 3, Map.of("home", stats(300, 0)), server(0.3, 1e6))),
				null))
			.as("a closed step has no fixed rate")
			.isEmpty();
	}

	private static Step step(double rate, long ok, long ko, ServerStats server, Interference interference) {
		return new Step(rate + " req/s", rate, null, null, 3, Map.of("product", stats(ok, ko)), server, null,
				interference);
	}

	private static RequestStats stats(long ok, long ko) {
		return new RequestStats(ok, ko, ok / 3.0, 1.0, 2.0, 3.0, 4.0, 5.0, Map.of(), 3.0);
	}

	private static ServerStats server(double cpuSeconds, double allocated) {
		return new ServerStats(null, cpuSeconds, null, null, null, null, null, null, null, null, null, null, null,
				allocated, 0.05);
	}

}
