package dev.loomflux.comparison;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.loomflux.comparison.metrics.Jcmd;
import dev.loomflux.comparison.metrics.JfrSampler;
import dev.loomflux.comparison.metrics.MetricsScraper;
import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.launcher.AotCache;
import dev.loomflux.launcher.Jars;
import dev.loomflux.launcher.ServiceProcess;
import dev.loomflux.launcher.Variant;

/**
 * One variant's service, started through the one launcher ({@link ServiceProcess}: the
 * JVM flags every variant gets, plus the variant's), pinned to the service CPUs, pointed
 * at the comparison's own database, Redis index and downstream stub; with
 * {@code --aot-cache}, from its extracted jar with a trained AOT cache.
 */
final class ServiceUnderTest implements AutoCloseable {

	/** Null for a service someone else started ({@link #remote}). */
	private final ServiceProcess process;

	private final JfrSampler samples;

	private final String baseUrl;

	private final URI metrics;

	private ServiceUnderTest(ServiceProcess process, JfrSampler samples) {
		this.process = process;
		this.samples = samples;
		this.baseUrl = process.baseUrl();
		this.metrics = URI.create("http://127.0.0.1:" + process.managementPort() + "/actuator/prometheus");
	}

	private ServiceUnderTest(String baseUrl, URI metrics) {
		this.process = null;
		this.samples = null;
		this.baseUrl = baseUrl;
		this.metrics = metrics;
	}

	/**
	 * A service someone else started ({@code compare --target}): its URL and, if given,
	 * its {@code /actuator/prometheus}; no process here to read /proc of, record with
	 * JFR, pin or restart.
	 */
	static ServiceUnderTest remote(String baseUrl, URI metrics) {
		return new ServiceUnderTest(baseUrl, metrics);
	}

	static ServiceUnderTest start(Variant variant, Settings settings, Path logs)
			throws IOException, InterruptedException {
		return start(variant, settings, Map.of(), logs);
	}

	/**
	 * As {@link #start(Variant, Settings, Path)}, with {@code overrides} on top of the
	 * run's environment (a measurement that raises a limit for itself).
	 */
	static ServiceUnderTest start(Variant variant, Settings settings, Map<String, String> overrides, Path logs)
			throws IOException, InterruptedException {
		Path log = newLog(logs, variant.name());
		Map<String, String> environment = new LinkedHashMap<>(settings.serviceEnvironment());
		environment.putAll(overrides);
		ServiceProcess.Launch launch = ServiceProcess.Launch.of(variant, Jars.of(Path.of("."), variant.module()),
				settings.serviceCpus(), environment, log);
		launch = launch.withFlags(gcLog(log), launch.jar());
		if (settings.aotCache()) {
			launch = AotCache.prepare(launch, logs.resolveSibling("aot").resolve(variant.name()));
		}
		ServiceProcess process = ServiceProcess.start(launch);
		try {
			return new ServiceUnderTest(process, JfrSampler.start(process.pid()));
		}
		catch (IOException | RuntimeException ex) {
			process.close();
			throw ex;
		}
	}

	/** Whether this run started the service (and can see its process). */
	boolean local() {
		return this.process != null;
	}

	/**
	 * Writes the service's execution samples so far (a JFR recording started with the
	 * service, see {@link JfrSampler}) to {@code file}.
	 */
	Path samples(Path file) throws IOException, InterruptedException {
		if (this.samples == null) {
			throw new IOException("no JFR recording of a service someone else started");
		}
		return this.samples.dump(file);
	}

	/**
	 * Waits until the service's CPU has been under {@code idleShare} of its cores for two
	 * half-second samples in a row, at most {@code limit}; how long that took. A scenario
	 * that overloaded the service leaves it working off what was sent to it (clients gone
	 * or not), and the next scenario must not measure that.
	 */
	Duration awaitQuiet(int cores, double idleShare, Duration limit) throws InterruptedException {
		if (local()) {
			return awaitQuiet(() -> {
				ProcStat stat = ProcStat.of(pid());
				return (stat != null) ? stat.cpuTicks() : null;
			}, cores, idleShare, limit);
		}
		// a remote service: its CPU time from process_cpu_time_ns_total, as a share of
		// one
		// core (how many it has is not in its metrics); without metrics, nothing to wait
		// on
		return (this.metrics != null)
				? awaitQuiet(() -> MetricsScraper.once(this.metrics, -1).cpuTicks(), 1, idleShare, limit)
				: Duration.ZERO;
	}

	/**
	 * Collects the service's whole heap ({@code jcmd PID GC.run}), so that what a step
	 * measures does not depend on the garbage the steps before it left: an overloaded
	 * step's requests, held in flight through young collections, reach the old generation
	 * and stay there until a concurrent cycle. In a loom-only run on a 2-core AMD EPYC
	 * VM, loom's old generation grew from 180 to 850 MiB during home-fanout's failing 800
	 * and 1,600 req/s steps, and the extra steps right after them paused 0.26-0.96 s of
	 * their 3 s (docs/claims.md#the-knee). Nothing happens to a service someone else
	 * started (no process to attach to).
	 * @return whether the heap was collected
	 */
	boolean collectHeap() {
		return local() && Jcmd.run(pid(), "GC.run") != null;
	}

	/**
	 * The wait of {@link #awaitQuiet}, on CPU ticks read by {@code cpuTicks} (null:
	 * gone).
	 */
	private static Duration awaitQuiet(Supplier<Long> cpuTicks, int cores, double idleShare, Duration limit)
			throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		int quietSamples = 0;
		Long last = cpuTicks.get();
		while (quietSamples < 2 && System.nanoTime() < deadline && last != null) {
			Thread.sleep(500);
			Long now = cpuTicks.get();
			if (now == null) {
				break;
			}
			double busy = (now - last) / ProcStat.TICKS_PER_SECOND / 0.5 / cores;
			quietSamples = (busy < idleShare) ? quietSamples + 1 : 0;
			last = now;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** Its {@code /actuator/prometheus}; null for a remote service given without. */
	URI metrics() {
		return this.metrics;
	}

	/** How long it took to start; null for a remote service. */
	Duration startup() {
		return (this.process != null) ? this.process.startup() : null;
	}

	/** -1 for a remote service, whose /proc entries no path here leads to. */
	long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	/** A remote service counts as alive: an outage shows as failed requests. */
	boolean isAlive() {
		return (this.process == null) || this.process.isAlive();
	}

	Path log() {
		return (this.process != null) ? this.process.log() : null;
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.samples.close();
			this.process.close();
		}
	}

	/**
	 * Every pause and safepoint of the service, beside its log ({@code loom.gc.log}
	 * beside {@code loom.log}), the same for every variant: a step's GC figure is the
	 * pause time summed between two scrapes, and only this log says which pauses made it
	 * up. Each line carries the wall-clock time as well as the JVM's uptime, so that a
	 * pause can be placed in a step by the step's window in results.json. None where the
	 * path cannot be written in {@code -Xlog}'s syntax.
	 */
	static List<String> gcLog(Path serviceLog) {
		String file = serviceLog.toAbsolutePath().toString().replaceFirst("\\.log$", ".gc.log");
		return (file.contains(":") || file.contains(",") || file.contains(" ")) ? List.of()
				: List.of("-Xlog:gc,safepoint:file=" + file + ":time,uptime,tags");
	}

	/**
	 * {@code loom.log}, or {@code loom-2.log} for a restart: a restart must not erase why
	 * it died.
	 */
	private static Path newLog(Path logs, String name) {
		Path log = logs.resolve(name + ".log");
		for (int start = 2; Files.exists(log); start++) {
			log = logs.resolve(name + "-" + start + ".log");
		}
		return log;
	}

}
