package dev.loomflux.microbench.handoff;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dev.loomflux.microbench.MicrobenchReport.Handoff;
import dev.loomflux.microbench.Profile;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * Runs {@link HandoffBenchmark} through JMH's API and turns its results into report rows.
 */
public final class HandoffRun {

	private static final List<String> KIND_ORDER = List.of("virtual-thread", "platform-thread", "reactor");

	private HandoffRun() {
	}

	public static List<Handoff> run(Profile profile) throws RunnerException {
		TimeValue iteration = TimeValue.milliseconds(profile.iterationMillis());
		Options options = new OptionsBuilder().include(Pattern.quote(HandoffBenchmark.class.getName()) + ".*")
			.forks(profile.forks())
			.warmupIterations(profile.warmupIterations())
			.warmupTime(iteration)
			.measurementIterations(profile.measurementIterations())
			.measurementTime(iteration)
			// appended to every fork; only the virtual-thread kind has a virtual thread
			// scheduler to configure, the others never start one
			.jvmArgsAppend(HandoffBenchmark.VIRTUAL_THREAD_JVM_ARGS)
			.shouldFailOnError(true)
			.verbosity((profile.forks() == 0) ? VerboseMode.SILENT : VerboseMode.NORMAL)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		return results.stream()
			.map(HandoffRun::toHandoff)
			.sorted(Comparator.comparingInt((handoff) -> KIND_ORDER.indexOf(handoff.kind())))
			.toList();
	}

	public static String conditions(Profile profile) {
		return "JMH %s, %d fork(s) per kind, %dx%d ms warm-up, %dx%d ms measurement, %d one-way hand-offs per invocation; virtual threads on 1 carrier, reactor on 1 single-thread scheduler, platform threads free on all cores"
			.formatted(Version.getPlainVersion(), profile.forks(), profile.warmupIterations(),
					profile.iterationMillis(), profile.measurementIterations(), profile.iterationMillis(),
					HandoffBenchmark.HANDOFFS);
	}

	private static Handoff toHandoff(RunResult result) {
		Result<?> primary = result.getPrimaryResult();
		double error = primary.getScoreError();
		return new Handoff(result.getParams().getParam("kind"), primary.getScore(),
				Double.isFinite(error) ? error : null);
	}

}
