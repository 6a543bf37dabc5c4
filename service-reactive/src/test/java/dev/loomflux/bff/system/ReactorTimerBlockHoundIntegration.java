package dev.loomflux.bff.system;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Cancelling a periodic Reactor timer ({@code Flux.interval}, one per price stream) takes
 * the lock of its scheduler's work queue ({@code ScheduledFutureTask.cancel} removes the
 * task from the queue), and parks for an instant when the timer's own thread holds that
 * lock at that moment: it does, briefly, whenever it takes a tick off the queue or puts
 * the next one back. A price stream is cancelled on the event loop that saw its client
 * leave, so a client that leaves just as its tick fires can meet that lock. Reactor's own
 * BlockHound integration accepts exactly this park for one-shot tasks
 * ({@code WorkerTask.dispose}, {@code SchedulerTask.dispose}) but not for periodic ones.
 * <p>
 * Without this, BlockHound's error is thrown from the middle of the cancellation, which
 * stops there: the tick is cancelled, but the stream's {@code doFinally} never runs, so
 * its slot and the open-streams gauge stay taken: {@code PriceStreamLeakTest} failed now
 * and then with one stream left open, with or without Reactor Netty's
 * {@code idle-timeout} (a loaded machine makes it likelier: the timer's thread can lose
 * its CPU while it holds the lock). Outside the tests nothing is thrown: the loop waits
 * for the lock, as long as the timer's thread holds it, and goes on.
 */
public class ReactorTimerBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("reactor.core.scheduler.PeriodicWorkerTask", "dispose")
			.allowBlockingCallsInside("reactor.core.scheduler.PeriodicSchedulerTask", "dispose");
	}

}
