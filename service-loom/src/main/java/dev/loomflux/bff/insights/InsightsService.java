package dev.loomflux.bff.insights;

import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.insights.Insights;
import dev.loomflux.domain.insights.InsightsKernel;
import dev.loomflux.domain.insights.InsightsQuery;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Service;

/**
 * Runs the shared kernel on the request's own thread: a virtual thread, or a Tomcat
 * platform thread in the {@code platform} profile. Nothing is offloaded, because here
 * that is the point: a CPU-bound virtual thread keeps its carrier until it finishes (JDK
 * virtual threads are not time-sliced), and the experiment measures what that does to the
 * requests that share the carriers.
 */
@Service
class InsightsService {

	private final CatalogService catalog;

	private final ConcurrencyLimit limit;

	private final MeterRegistry meters;

	InsightsService(CatalogService catalog, BffProperties properties, MeterRegistry meters) {
		this.catalog = catalog;
		this.limit = new ConcurrencyLimit("insights simulations", properties.insights().maxConcurrent());
		this.meters = meters;
		meters.gauge("bff.insights.running", this.limit, ConcurrencyLimit::inUse);
		FunctionCounter.builder("bff.limit.refused", this.limit, ConcurrencyLimit::refused)
			.description("Requests refused with 503 OVERLOADED over a concurrency limit")
			.tag("limit", "insights")
			.register(meters);
	}

	Insights getInsights(long productId, InsightsQuery query) {
		long startPriceCents = this.catalog.getProduct(productId).priceCents();
		// taken after the product read: the limit counts CPU work,
		// not requests waiting on I/O
		this.limit.acquire();
		try {
			return simulate(productId, startPriceCents, query);
		}
		finally {
			this.limit.release();
		}
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

}
