package dev.loomflux.comparison;

import java.io.IOException;
import java.util.Set;

import dev.loomflux.comparison.metrics.InterferenceMeter;
import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.launcher.Taskset;

/**
 * Moves a service's JIT compiler threads onto the load CPUs for a warm-up, ahead of the
 * warm-up's own client there (nice -10), and back onto the service's CPUs at normal
 * priority when it ends, so that every measured step runs the whole JVM on its pinned
 * core(s) as before.
 * <p>
 * Why: the kernel shares a core fairly among runnable threads, so under a warm-up that
 * fills the service's core its C2 thread got a slice that shrank with the number of busy
 * threads. service-reactive (4 HTTP and 4 database event loops, Lettuce's, the insights
 * pool) left its compiler 15-20 % of the core, and on the 2-core development VM its JIT
 * was still compiling about 10 methods a second after 4 minutes of warm-up; service-loom,
 * with one carrier thread, was done far sooner. On the load CPU the compiler competes
 * with the warm-up's client, which a closed loop of 256 requests keeps busy: there it got
 * 30-40 % of the core for the 20-30 s in which a scenario's own requests (catalog-read's
 * product reads at full speed) were compiled after the first warm-up, hence the priority.
 * Where the priority cannot be raised (not root, no CAP_SYS_NICE) the threads move all
 * the same. The compiled code does not depend on where the compiler ran: the JVM sized
 * its compiler, GC and carrier threads and its event loops for the core(s) it started on,
 * and the application threads never leave them.
 */
final class CompilerAside implements AutoCloseable {

	/**
	 * The compiler threads' niceness while aside: the kernel then gives them about nine
	 * times the CPU of a thread at 0 (the default) that wants the same core.
	 */
	static final int AHEAD = -10;

	/** For a service whose threads this run cannot reach (compare --target). */
	static final CompilerAside NONE = new CompilerAside(-1, null, false);

	private final long pid;

	private final String serviceCpus;

	private final boolean moved;

	private CompilerAside(long pid, String serviceCpus, boolean moved) {
		this.pid = pid;
		this.serviceCpus = serviceCpus;
		this.moved = moved;
	}

	/**
	 * Moves the compiler threads of {@code pid} to {@code loadCpus}; does nothing where
	 * it cannot help: nothing pinned, no taskset, or CPU lists that overlap.
	 */
	static CompilerAside of(long pid, String serviceCpus, String loadCpus) throws InterruptedException {
		if (!possible(serviceCpus, loadCpus)) {
			return new CompilerAside(pid, serviceCpus, false);
		}
		move(pid, loadCpus, AHEAD);
		return new CompilerAside(pid, serviceCpus, true);
	}

	/** Whether the service and the load have CPUs of their own that taskset can set. */
	static boolean possible(String serviceCpus, String loadCpus) {
		if (!Taskset.available() || serviceCpus == null || serviceCpus.isBlank() || loadCpus == null
				|| loadCpus.isBlank()) {
			return false;
		}
		Set<Integer> service = InterferenceMeter.cpus(serviceCpus);
		return InterferenceMeter.cpus(loadCpus).stream().noneMatch(service::contains);
	}

	/**
	 * Every compiler thread back on the service's CPUs, those started during the warm-up
	 * included (a new compiler thread takes its creator's CPUs).
	 */
	@Override
	public void close() throws InterruptedException {
		if (this.moved) {
			move(this.pid, this.serviceCpus, 0);
		}
	}

	private static void move(long pid, String cpus, int niceness) throws InterruptedException {
		for (long thread : ProcStat.compilerThreadsOf(pid)) {
			try {
				Taskset.moveThread(thread, cpus);
				renice(thread, niceness);
			}
			catch (IOException | IllegalStateException ended) {
				// a compiler thread the JVM stopped in between has nowhere to go
			}
		}
	}

	/** Best effort: a negative niceness needs root or CAP_SYS_NICE. */
	private static void renice(long thread, int niceness) throws IOException, InterruptedException {
		Process renice = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", Long.toString(thread))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		renice.waitFor();
	}

}
