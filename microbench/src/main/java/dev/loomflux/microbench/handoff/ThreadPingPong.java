package dev.loomflux.microbench.handoff;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * A ping-pong between two threads through a one-slot hand-off built on
 * {@link LockSupport#park} and {@link LockSupport#unpark}. The same code runs on virtual
 * and on platform threads; only the {@link ThreadFactory} differs, so the figures differ
 * only by what parking and unparking costs for each kind of thread.
 * <p>
 * Why not {@code SynchronousQueue} or {@code Exchanger}: both spin for a while before
 * they park, so on a multi-core machine a platform-thread ping-pong through them mostly
 * measures two spinning cores, not a suspension. Here the receiver of the baton is always
 * parked (or about to park) when it is passed: each hand-off is one unpark of the
 * receiver and one park of the sender. When the receiver arrives before the sender has
 * parked, the sender finds its turn already and does not park; that is the cheap path a
 * real hand-off also takes, and it is rare here because the receiver has to be woken
 * first.
 */
final class ThreadPingPong implements PingPong {

	private static final int IDLE = 0;

	private static final int PING = 1;

	private static final int PONG = 2;

	/** Whose turn it is; the only state the two sides share besides the counter. */
	private volatile int turn = IDLE;

	private volatile boolean closed;

	/** Round trips left in the current batch; read and written by the ping side only. */
	private int remaining;

	private final Semaphore batchDone = new Semaphore(0);

	private final Thread ping;

	private final Thread pong;

	ThreadPingPong(ThreadFactory threads) {
		this.ping = threads.newThread(this::pingLoop);
		this.pong = threads.newThread(this::pongLoop);
		this.ping.start();
		this.pong.start();
	}

	@Override
	public void roundTrips(int roundTrips) throws InterruptedException {
		this.remaining = roundTrips;
		pass(PING, this.ping);
		this.batchDone.acquire();
	}

	private void pingLoop() {
		while (awaitTurn(PING)) {
			if (this.remaining == 0) {
				this.turn = IDLE;
				this.batchDone.release();
				continue;
			}
			this.remaining--;
			pass(PONG, this.pong);
		}
	}

	private void pongLoop() {
		while (awaitTurn(PONG)) {
			pass(PING, this.ping);
		}
	}

	private void pass(int to, Thread receiver) {
		this.turn = to;
		LockSupport.unpark(receiver);
	}

	/** Parks until it is {@code me}'s turn; false once closed. */
	private boolean awaitTurn(int me) {
		while (this.turn != me) {
			if (this.closed) {
				return false;
			}
			LockSupport.park(this);
		}
		return !this.closed;
	}

	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		LockSupport.unpark(this.ping);
		LockSupport.unpark(this.pong);
		this.ping.join();
		this.pong.join();
	}

}
