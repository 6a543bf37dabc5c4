package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.loomflux.comparison.results.Interference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		assertThat(ProcessTicks.read(PROC, -1).ticksOf(DatabaseProcesses.NAMES)).isEqualTo(911L);
		assertThat(ProcessTicks.read(PROC, 2201).ticksOf(DatabaseProcesses.NAMES)).as("postgres left out")
			.isEqualTo(89L);
	}

	@Test
	void shouldNameTheBusiestOtherProcessesAllowedOnTheServiceCore(@TempDir Path temp) throws IOException {
		Path before = temp.resolve("before");
		Path after = temp.resolve("after");
		process(before, 2963, "beam.smp", 100, null);
		process(after, 2963, "beam.smp", 130, "0-1");
		// pinned to the load CPU: it cannot have taken the service's
		process(before, 4000, "java", 0, null);
		process(after, 4000, "java", 90, "0");
		// started during the step, and counted from zero
		process(after, 4100, "kworker/1:2", 12, "1");
		process(before, 2201, "postgres", 0, null);
		process(after, 2201, "postgres", 50, "0-1");
		process(before, 16247, "cat", 5, null);
		process(after, 16247, "cat", 5, "0-1");
		Interference interference = new InterferenceMeter(Set.of(1), false, after).between(
				new MachineSample(0, BEFORE, 1000L, 0L, ProcessTicks.read(before, -1)),
				new MachineSample(2000, AFTER, 1150L, 50L, ProcessTicks.read(after, -1)));
		assertThat(interference.problem()).as("databases are counted on their own; an idle process is no suspect")
			.endsWith("; busiest others allowed there: beam.smp (pid 2963) 300 ms, kworker/1:2 (pid 4100) 120 ms");
	}

	private static void process(Path proc, long pid, String command, long userTicks, String cpusAllowed)
			throws IOException {
		Path folder = Files.createDirectories(proc.resolve(Long.toString(pid)));
		Files.writeString(folder.resolve("stat"), pid + " (" + command + ") S 1 " + pid + " " + pid
				+ " 0 -1 4194304 0 0 0 0 " + userTicks + " 0 0 0 20 0 1");
		if (cpusAllowed != null) {
			Files.writeString(folder.resolve("status"),
					"Name:\t" + command + "\nCpus_allowed_list:\t" + cpusAllowed + "\n");
		}
	}

}
