package dev.loomflux.comparison.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.loomflux.comparison.results.Interference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * From /proc text recorded on the 2-core VM (fixtures/proc), and the same counters 2 s on
 * (fixtures/proc-after): each CPU accounted 200 ticks; CPU 1, the service's, spent 150 in
 * user, 30 in system, 10 in softirq and 10 stolen; CPU 0 lost 6 to steal.
 */
class InterferenceMeterTest {

	private static final Path PROC = Path.of("src/test/resources/fixtures/proc");

	private static final CpuTimes BEFORE = CpuTimes.read(PROC);

	private static final CpuTimes AFTER = CpuTimes.read(Path.of("src/test/resources/fixtures/proc-after"));

	@Test
	void shouldReadEveryCpuLineOfProcStat() {
		assertThat(BEFORE.cpus()).containsOnlyKeys(0, 1);
		assertThat(BEFORE.all().steal()).isEqualTo(37);
		assertThat(BEFORE.cpus().get(1).softirq()).isEqualTo(67);
		assertThat(AFTER.all().total() - BEFORE.all().total()).isEqualTo(400);
	}

	@Test
	void shouldChargeTheServiceCoreTimeTheServiceDidNotUseToOthers() {
		// the service ran 150 of the 180 task ticks of CPU 1
		Interference interference = new InterferenceMeter(Set.of(1), false)
			.between(new MachineSample(0, BEFORE, 1000L, 911L), new MachineSample(2000, AFTER, 1150L, 931L));
		assertThat(interference.stealShare()).as("16 of 400 ticks").isCloseTo(0.04, within(1e-9));
		assertThat(interference.othersOnServiceCores()).as("30 of CPU 1's 200 ticks").isCloseTo(0.15, within(1e-9));
		assertThat(interference.databaseCpuShare()).as("20 ticks in 2 s").isCloseTo(0.1, within(1e-9));
		assertThat(interference.problem()).startsWith("other processes used 15.0 % of the service's core(s)");
	}

	@Test
	void shouldTakeTheDatabasesOffTheOthersWhenTheyShareTheServiceCore() {
		Interference interference = new InterferenceMeter(Set.of(1), true)
			.between(new MachineSample(0, BEFORE, 1000L, 911L), new MachineSample(2000, AFTER, 1150L, 931L));
		assertThat(interference.othersOnServiceCores()).as("recorded as measured").isCloseTo(0.15, within(1e-9));
		assertThat(interference.problem()).as("15 % less the databases' 10 %").isNull();
	}

	@Test
	void shouldFlagStealOverItsLimit() {
		InterferenceMeter meter = new InterferenceMeter(Set.of(1), false);
		assertThat(meter.problem(0.06, 0.0, null)).startsWith("steal took 6.0 %");
		assertThat(
				meter.problem(InterferenceMeter.MAX_STEAL_SHARE, InterferenceMeter.MAX_OTHERS_ON_SERVICE_CORES, null))
			.as("at the limits")
			.isNull();
	}

	@Test
	void shouldTellNothingAboutTheServiceCoreWhenTheServiceIsNotPinned() {
		Interference interference = new InterferenceMeter(Set.of(), false)
			.between(new MachineSample(0, BEFORE, 1000L, null), new MachineSample(2000, AFTER, 1150L, null));
		assertThat(interference.othersOnServiceCores()).isNull();
		assertThat(interference.databaseCpuShare()).isNull();
		assertThat(interference.stealShare()).isNotNull();
		assertThat(interference.problem()).isNull();
	}

	@Test
	void shouldTakeTheSamplesAroundTheWindow() {
		List<MachineSample> samples = List.of(new MachineSample(0, BEFORE, 1000L, 911L),
				new MachineSample(500, BEFORE, 1000L, 911L), new MachineSample(2000, AFTER, 1150L, 931L));
		InterferenceMeter meter = new InterferenceMeter(Set.of(1), false);
		assertThat(meter.over(samples, 600, 1900).stealShare()).isCloseTo(0.04, within(1e-9));
		assertThat(meter.over(samples, 600, 2100)).as("no sample after the window").isNull();
	}

	@Test
	void shouldParseTasksetLists() {
		assertThat(InterferenceMeter.cpus("1")).containsExactly(1);
		assertThat(InterferenceMeter.cpus("0-2,5")).containsExactly(0, 1, 2, 5);
		assertThat(InterferenceMeter.cpus(" ")).isEmpty();
	}

	@Test
	void shouldSumTheDatabasesCpuTimeWithTheirReapedChildren() {
		assertThat(DatabaseProcesses.pids(PROC)).as("not the cat").containsExactly(2201L, 2221L);
		// postgres 2 + 18 + its reaped backends' 589 + 213; redis 40 + 49
		assertThat(DatabaseProcesses.cpuTicks(PROC)).isEqualTo(911L);
	}

}
