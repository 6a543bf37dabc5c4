package dev.loomflux.microbench.handoff;

import java.util.concurrent.Semaphore;

import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A ping-pong between two reactive pipelines: each side is a subscriber behind
 * {@code publishOn} of the same single-threaded scheduler, and answers a signal by
 * emitting one into the other side's sink.
 * <p>
 * Why one scheduler and not two: on an event loop, "switching between suspended tasks"
 * means the loop thread running the next ready continuation (a queued signal delivery)
 * after the current one returns; no thread is woken. That is the reactive twin of two
 * virtual threads on one carrier, which is how {@link HandoffBenchmark} runs those. With
 * two single-threaded schedulers every signal would wake the other scheduler's platform
 * thread, and the figure would be a platform-thread hand-off plus Reactor's queueing, not
 * an event-loop switch.
 * <p>
 * What one hand-off includes: {@code tryEmitNext} on a unicast sink (serialised), the
 * {@code publishOn} queue offer, one task submitted to the scheduler's executor
 * (allocation and a locked work queue), and that task's drain calling the subscriber.
 * Netty's own event loop queue is lock-free and somewhat cheaper than the
 * {@code ScheduledThreadPoolExecutor} behind {@link Schedulers#newSingle}; the figure is
 * an upper bound for a Reactor Netty loop.
 */
final class ReactorPingPong implements PingPong {

	private static final Integer BATON = 1;

	private final Scheduler loop = Schedulers.newSingle("ping-pong");

	private final Sinks.Many<Integer> toPing = Sinks.many().unicast().onBackpressureBuffer();

	private final Sinks.Many<Integer> toPong = Sinks.many().unicast().onBackpressureBuffer();

	private final Disposable pingSide;

	private final Disposable pongSide;

	private final Semaphore batchDone = new Semaphore(0);

	/** Round trips left in the current batch; touched on the loop thread only. */
	private int remaining;

	ReactorPingPong() {
		this.pongSide = this.toPong.asFlux().publishOn(this.loop).subscribe(this.toPing::tryEmitNext);
		this.pingSide = this.toPing.asFlux().publishOn(this.loop).subscribe((baton) -> {
			if (--this.remaining == 0) {
				this.batchDone.release();
			}
			else {
				this.toPong.tryEmitNext(baton);
			}
		});
	}

	@Override
	public void roundTrips(int roundTrips) throws InterruptedException {
		this.loop.schedule(() -> {
			this.remaining = roundTrips;
			this.toPong.tryEmitNext(BATON);
		});
		this.batchDone.acquire();
	}

	@Override
	public void close() {
		this.pingSide.dispose();
		this.pongSide.dispose();
		this.loop.dispose();
	}

}
