package dev.loomflux.bff.home;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.loomflux.domain.home.HomeSection;
import dev.loomflux.domain.home.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concurrent branches of one request, each on a virtual thread of its own, under one
 * deadline. A branch still running when the request has its answer is abandoned, not
 * interrupted: it ends by its own timeouts (HTTP response timeout, PostgreSQL statement
 * timeout, Redis command timeout). Interrupting it would be worse: a virtual thread
 * interrupted in socket I/O closes the socket, and a JDBC connection closed that way is
 * lost to the pool (under overload Hikari had to replace them faster than PostgreSQL
 * could open them).
 * <p>
 * This is what JDK 25's {@code StructuredTaskScope} is for, but that is still a preview
 * API (it needs {@code --enable-preview} to compile and run, everywhere the service
 * runs). An executor per request gives what this page needs with final APIs, and a
 * virtual thread per branch costs a few hundred bytes, not a pooled platform thread.
 * service-reactive needs no such class: there the branches are subscriptions of one
 * Reactor composition, cancelled at the deadline.
 */
final class FanOut implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FanOut.class);

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final long deadlineNanos;

	FanOut(Duration deadline) {
		this.deadlineNanos = System.nanoTime() + deadline.toNanos();
	}

	<T> Branch<T> fork(Callable<T> task) {
		return new Branch<>(this.executor.submit(task));
	}

	/**
	 * Lets the branches that are still running finish by themselves, without waiting for
	 * them.
	 */
	@Override
	public void close() {
		this.executor.shutdown();
	}

	/**
	 * One branch: its value once done, or nothing if it failed or the deadline passed
	 * first.
	 */
	final class Branch<T> {

		private final Future<T> future;

		private Branch(Future<T> future) {
			this.future = future;
		}

		/** Waits until the branch is done or the deadline passes. */
		Optional<T> join() {
			try {
				long remaining = FanOut.this.deadlineNanos - System.nanoTime();
				return Optional.ofNullable(this.future.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS));
			}
			catch (TimeoutException | ExecutionException ex) {
				log.debug("Home branch failed or late: {}", ex.toString());
				return Optional.empty();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}

		Section<T> section(HomeSection name) {
			return new Section<>(name, join());
		}

	}

}
