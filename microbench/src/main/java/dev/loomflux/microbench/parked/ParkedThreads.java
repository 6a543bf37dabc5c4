package dev.loomflux.microbench.parked;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * Threads (virtual or platform) parked on a latch a few frames deep, the shape of a
 * request handler waiting on a response: {@code handle -> loadProduct -> fetchPrice ->
 * awaitResponse}, each frame with a couple of primitive locals, then the JDK's own frames
 * of {@code CountDownLatch.await} down to the park.
 * <p>
 * The constructor returns only when every thread is in {@code WAITING}: a virtual
 * thread's frames are then frozen into its heap stack chunk, a platform thread's stay on
 * its native stack.
 */
final class ParkedThreads implements ParkedTasks {

	private final CountDownLatch arrived;

	private final CountDownLatch response = new CountDownLatch(1);

	private final Thread[] threads;

	ParkedThreads(ThreadFactory factory, int count) throws InterruptedException {
		this.arrived = new CountDownLatch(count);
		this.threads = new Thread[count];
		for (int i = 0; i < count; i++) {
			int id = i;
			this.threads[i] = factory.newThread(() -> handle(id));
			this.threads[i].start();
		}
		this.arrived.await();
		for (Thread thread : this.threads) {
			// counted down just before the park: wait for the park itself
			while (thread.getState() != Thread.State.WAITING) {
				Thread.sleep(1);
			}
		}
	}

	@Override
	public void release() throws InterruptedException {
		this.response.countDown();
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	private long handle(int id) {
		long started = System.nanoTime();
		return loadProduct(id, started) ^ started;
	}

	private long loadProduct(int id, long started) {
		int shard = id % 16;
		return fetchPrice(id, shard) + shard;
	}

	private long fetchPrice(int id, int shard) {
		long key = ((long) shard << 32) | id;
		return awaitResponse() * key;
	}

	private long awaitResponse() {
		this.arrived.countDown();
		try {
			this.response.await();
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

}
