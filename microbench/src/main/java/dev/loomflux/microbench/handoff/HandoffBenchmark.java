package dev.loomflux.microbench.handoff;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Claim C6: the cost of one hand-off between two suspended tasks, in ns per one-way
 * hand-off (half a round trip), for each {@link #kind}. JMH runs each kind in its own
 * forked JVM.
 * <p>
 * Known biases, all stated in the report's conditions:
 * <ul>
 * <li>Virtual threads run on one carrier ({@link #VIRTUAL_THREAD_JVM_ARGS}), like the
 * reactive side on one loop thread: the figure is the switch itself (park, yield the
 * carrier, run the other continuation). With idle spare carriers an unpark may also wake
 * a carrier through the kernel, which is what a lightly loaded server pays on top.</li>
 * <li>Platform threads are free to run on any core: a hand-off is a futex wake plus a
 * kernel context switch, possibly across cores; on a busy shared VM the scheduler latency
 * of the host shows up here.</li>
 * <li>Each invocation includes two hand-offs to and from the JMH thread, amortised over
 * {@link #HANDOFFS} hand-offs.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffBenchmark {

	/**
	 * Round trips per invocation: long enough to amortise starting and ending a batch.
	 */
	public static final int ROUND_TRIPS = 5_000;

	/** One-way hand-offs per invocation, what JMH divides the time by. */
	public static final int HANDOFFS = 2 * ROUND_TRIPS;

	/**
	 * One carrier for virtual threads: the switch between two tasks without any kernel
	 * wake-up, the counterpart of one event-loop thread.
	 */
	public static final String[] VIRTUAL_THREAD_JVM_ARGS = { "-Djdk.virtualThreadScheduler.parallelism=1",
			"-Djdk.virtualThreadScheduler.maxPoolSize=1" };

	/** What is handing off; the names are the {@code kind}s of the report. */
	@Param({ "virtual-thread", "platform-thread", "reactor" })
	public String kind;

	private PingPong pingPong;

	@Setup(Level.Trial)
	public void start() {
		this.pingPong = switch (this.kind) {
			case "virtual-thread" -> new ThreadPingPong(Thread.ofVirtual().name("ping-pong-", 0).factory());
			case "platform-thread" -> new ThreadPingPong(Thread.ofPlatform().name("ping-pong-", 0).factory());
			case "reactor" -> new ReactorPingPong();
			default -> throw new IllegalArgumentException("unknown kind " + this.kind);
		};
	}

	@Benchmark
	@OperationsPerInvocation(HANDOFFS)
	public void handoff() throws InterruptedException {
		this.pingPong.roundTrips(ROUND_TRIPS);
	}

	@TearDown(Level.Trial)
	public void stop() throws InterruptedException {
		this.pingPong.close();
	}

}
