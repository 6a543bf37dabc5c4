package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.loomflux.comparison.metrics.JfrSampler;
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

	private final ServiceProcess process;

	private final JfrSampler samples;

	private ServiceUnderTest(ServiceProcess process, JfrSampler samples) {
		this.process = process;
		this.samples = samples;
	}

	static ServiceUnderTest start(Variant variant, Settings settings, Path logs)
			throws IOException, InterruptedException {
		ServiceProcess.Launch launch = ServiceProcess.Launch.of(variant, Jars.of(Path.of("."), variant.module()),
				settings.serviceCpus(), settings.serviceEnvironment(), newLog(logs, variant.name()));
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

	/**
	 * Writes the service's execution samples so far (a JFR recording started with the
	 * service, see {@link JfrSampler}) to {@code file}.
	 */
	Path samples(Path file) throws IOException, InterruptedException {
		return this.samples.dump(file);
	}

	/**
	 * Waits until the service's CPU has been under {@code idleShare} of its cores for two
	 * half-second samples in a row, at most {@code limit}; how long that took. A scenario
	 * that overloaded the service leaves it working off what was sent to it (clients gone
	 * or not), and the next scenario must not measure that.
	 */
	Duration awaitQuiet(int cores, double idleShare, Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		int quietSamples = 0;
		ProcStat last = ProcStat.of(pid());
		while (quietSamples < 2 && System.nanoTime() < deadline && last != null) {
			Thread.sleep(500);
			ProcStat now = ProcStat.of(pid());
			if (now == null) {
				break;
			}
			double busy = (now.cpuTicks() - last.cpuTicks()) / ProcStat.TICKS_PER_SECOND / 0.5 / cores;
			quietSamples = (busy < idleShare) ? quietSamples + 1 : 0;
			last = now;
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	String baseUrl() {
		return this.process.baseUrl();
	}

	int managementPort() {
		return this.process.managementPort();
	}

	Duration startup() {
		return this.process.startup();
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path log() {
		return this.process.log();
	}

	@Override
	public void close() {
		this.samples.close();
		this.process.close();
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
