package dev.loomflux.microbench.parked;

import java.util.concurrent.CountDownLatch;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Pending reactive requests: each one a subscribed {@code Mono} pipeline of a few
 * operators ({@code map -> filter -> flatMap -> onErrorResume}, the shape of "fetch a
 * price, check it, look up the product, fall back on error") waiting on a source that has
 * not answered.
 * <p>
 * The source is a {@link Sinks.One} per request, kept in an array: it stands for what
 * holds a waiting request in a real server (a Netty channel registered with its event
 * loop, holding its subscriber). {@code Mono.never()} would not do: nothing keeps its
 * subscriber, so the whole pipeline is garbage at once and the figure would be zero. What
 * is measured is the pipeline's subscribers and the sink; no HTTP or Netty state.
 */
final class PendingMonos implements ParkedTasks {

	private final Sinks.One<Long>[] responses;

	private final CountDownLatch finished;

	@SuppressWarnings("unchecked")
	PendingMonos(int count) {
		this.responses = new Sinks.One[count];
		this.finished = new CountDownLatch(count);
		for (int i = 0; i < count; i++) {
			long id = i;
			Sinks.One<Long> response = Sinks.one();
			response.asMono()
				.map((price) -> price * 2)
				.filter((price) -> price >= 0)
				.flatMap((price) -> Mono.just(price + id))
				.onErrorResume((ex) -> Mono.empty())
				.doFinally((signal) -> this.finished.countDown())
				.subscribe();
			this.responses[i] = response;
		}
	}

	@Override
	public void release() throws InterruptedException {
		for (Sinks.One<Long> response : this.responses) {
			response.tryEmitValue(1L);
		}
		this.finished.await();
	}

}
