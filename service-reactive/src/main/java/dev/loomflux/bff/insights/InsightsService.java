package dev.loomflux.bff.insights;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.insights.Insights;
import dev.loomflux.domain.insights.InsightsKernel;
import dev.loomflux.domain.insights.InsightsQuery;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Runs the shared kernel off the event loop, on a bounded CPU scheduler: the escape hatch
 * an event-loop service needs for CPU-bound work. With {@code bff.insights.inline=true}
 * (the {@code reactive-inline} profile) it runs on the connection's event loop instead,
 * the naive mistake, kept on purpose to measure what it costs.
 */
@Service
class InsightsService {

	private final CatalogService catalog;

	private final ConcurrencyLimit limit;

	private final MeterRegistry meters;

	private final boolean inline;

	/**
	 * A scheduler of its own rather than {@code Schedulers.parallel()}: the shared one
	 * also runs Reactor's timers (the price streams' ticks, timeouts), which queued
	 * simulations would delay. One thread per core, because CPU-bound work gains nothing
	 * from more threads than cores, only context switches. Its task queues are unbounded,
	 * so the {@link ConcurrencyLimit} is what bounds them.
	 */
	private final Scheduler cpu = Schedulers.newParallel("insights", Runtime.getRuntime().availableProcessors(), true);

	InsightsService(CatalogService catalog, BffProperties properties, MeterRegistry meters) {
		this.catalog = catalog;
		this.limit = new ConcurrencyLimit("insights simulations", properties.insights().maxConcurrent());
		this.meters = meters;
		this.inline = properties.insights().inline();
		meters.gauge("bff.insights.running", this.limit, ConcurrencyLimit::inUse);
		FunctionCounter.builder("bff.limit.refused", this.limit, ConcurrencyLimit::refused)
			.description("Requests refused with 503 OVERLOADED over a concurrency limit")
			.tag("limit", "insights")
			.register(meters);
	}

	Mono<Insights> getInsights(long productId, InsightsQuery query, Executor eventLoop) {
		Scheduler where = this.inline ? Schedulers.fromExecutor(eventLoop) : this.cpu;
		return this.catalog.getProduct(productId)
			.flatMap((product) -> limited(() -> simulate(productId, product.priceCents(), query), where));
	}

	/**
	 * Runs the work on {@code where} within the limit, taken after the product read: the
	 * limit counts CPU work, not requests waiting on I/O. The unit is released when the
	 * work ends, not when the client cancels: a simulation that has started runs to the
	 * end whatever happens to its request, and must count until then. One released before
	 * it started (a cancel while queued) never runs.
	 */
	private Mono<Insights> limited(java.util.function.Supplier<Insights> work, Scheduler where) {
		return Mono.defer(() -> {
			this.limit.acquire();
			AtomicBoolean claimed = new AtomicBoolean();
			return Mono.fromCallable(() -> {
				if (!claimed.compareAndSet(false, true)) {
					return null;
				}
				try {
					return work.get();
				}
				finally {
					this.limit.release();
				}
			}).subscribeOn(where).doFinally((signal) -> {
				if (claimed.compareAndSet(false, true)) {
					this.limit.release();
				}
			});
		});
	}

	/**
	 * The kernel, timed and tagged with the pool of the thread it ran on, so a dashboard
	 * (and a test) sees where the CPU work happened.
	 */
	private Insights simulate(long productId, long startPriceCents, InsightsQuery query) {
		return Timer.builder("bff.insights.simulation")
			.tag("thread", threadPool(Thread.currentThread()))
			.register(this.meters)
			.record(() -> InsightsKernel.simulate(productId, startPriceCents, query));
	}

	/**
	 * A thread's pool, low in cardinality: its name without the trailing number
	 * ({@code reactor-http-nio-3} is {@code reactor-http-nio}), or {@code virtual}.
	 */
	static String threadPool(Thread thread) {
		return thread.isVirtual() ? "virtual" : thread.getName().replaceAll("[-0-9]+$", "");
	}

	@PreDestroy
	void close() {
		this.cpu.dispose();
	}

}
