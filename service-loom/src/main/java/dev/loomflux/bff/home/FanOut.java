package dev.loomflux.bff.home;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.home.HomeSection;
import dev.loomflux.domain.home.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The concurrent branches of one request, each on a thread of {@link #threads} of its
 * own, under one deadline. A branch still running when the request has its answer is
 * abandoned, not interrupted: it ends by its own timeouts (HTTP response timeout,
 * PostgreSQL statement timeout, Redis command timeout). Interrupting it would be worse: a
 * virtual thread interrupted in socket I/O closes the socket, and a JDBC connection
 * closed that way is lost to the pool (under overload Hikari had to replace them faster
 * than PostgreSQL could open them).
 * <p>
 * This is what JDK 25's {@code StructuredTaskScope} is for, but that is still a preview
 * API (it needs {@code --enable-preview} to compile and run, everywhere the service
 * runs). An executor gives what this page needs with final APIs. service-reactive needs
 * no such class: there the branches are subscriptions of one Reactor composition,
 * cancelled at the deadline.
 */
final class FanOut {

	private static final Logger log = LoggerFactory.getLogger(FanOut.class);

	private final ExecutorService threads;

	private final long deadlineNanos;

	FanOut(ExecutorService threads, Duration deadline) {
		this.threads = threads;
		this.deadlineNanos = System.nanoTime() + deadline.toNanos();
	}

	/**
	 * The threads branches run on ({@code bff.home.fan-out}): with no platform threads
	 * configured, a virtual thread per branch (loom), which costs a few hundred bytes and
	 * needs no bound of its own (admission control bounds the requests); otherwise a
	 * fixed pool of that many platform threads (the {@code platform} variant, thread per
	 * request throughout) with a bounded queue, first in first out. A branch that finds
	 * the queue full fails its request with 503 {@code OVERLOADED}, never waits without a
	 * bound. First in first out also means a branch never waits for a branch queued after
	 * it (promotions waits for the cart and the recommended ids, both forked before it),
	 * so a full pool cannot deadlock.
	 */
	static ExecutorService threads(BffProperties.Home.FanOut settings) {
		if (settings.platformThreads() == 0) {
			return Executors.newVirtualThreadPerTaskExecutor();
		}
		return new ThreadPoolExecutor(settings.platformThreads(), settings.platformThreads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(settings.queueCapacity()),
				Thread.ofPlatform().name("home-fanout-", 1).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Starts a branch.
	 * @throws ApiException {@code OVERLOADED} when a bounded pool's queue is full; the
	 * request's branches forked before it finish by themselves
	 */
	<T> Branch<T> fork(Callable<T> task) {
		try {
			return new Branch<>(this.threads.submit(task));
		}
		catch (RejectedExecutionException ex) {
			throw new ApiException(ErrorCode.OVERLOADED,
					"Too many home page calls waiting for a thread at once; retry later.");
		}
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
