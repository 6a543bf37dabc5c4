package dev.loomflux.bff.prices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import dev.loomflux.domain.prices.PriceStreamQuery;
import dev.loomflux.domain.prices.PriceTick;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;

/**
 * One {@code Flux.interval} per open stream, aligned to second boundaries, mapped to that
 * second's ticks. An open stream holds no thread between ticks, only a timer and its
 * subscription; when the client leaves, Reactor Netty cancels the subscription, which
 * stops the timer.
 */
@Service
class PriceStreamService {

	private final CatalogService catalog;

	private final JsonMapper json;

	private final ConcurrencyLimit limit;

	private final long heartbeatTicks;

	private final Sinks.Empty<Void> shutdown = Sinks.empty();

	/** Live timer subscriptions; a test checks that none outlives its client. */
	private final AtomicInteger activeTickers = new AtomicInteger();

	PriceStreamService(CatalogService catalog, JsonMapper json, BffProperties properties, MeterRegistry meters) {
		this.catalog = catalog;
		this.json = json;
		this.limit = new ConcurrencyLimit("open price streams", properties.prices().maxStreams());
		this.heartbeatTicks = Math.max(1, properties.prices().heartbeat().toSeconds());
		meters.gauge("bff.prices.open.streams", this.limit, ConcurrencyLimit::inUse);
		FunctionCounter.builder("bff.limit.refused", this.limit, ConcurrencyLimit::refused)
			.description("Requests refused with 503 OVERLOADED over a concurrency limit")
			.tag("limit", "prices")
			.register(meters);
	}

	Flux<ServerSentEvent<String>> open(PriceStreamQuery query) {
		return this.catalog.requireAll(query.productIds()).thenMany(Flux.defer(() -> {
			this.limit.acquire();
			return stream(query).doFinally((signal) -> this.limit.release());
		}));
	}

	private Flux<ServerSentEvent<String>> stream(PriceStreamQuery query) {
		long now = System.currentTimeMillis();
		long firstSecond = now / 1000 + 1;
		return Flux.interval(Duration.ofMillis(firstSecond * 1000 - now), Duration.ofSeconds(1))
			// a slow client skips the seconds it missed rather than failing the stream
			.onBackpressureDrop()
			.takeUntilOther(this.shutdown.asMono())
			.concatMapIterable((tick) -> events(query, firstSecond + tick, tick + 1))
			.doOnSubscribe((subscription) -> this.activeTickers.incrementAndGet())
			.doFinally((signal) -> this.activeTickers.decrementAndGet());
	}

	private List<ServerSentEvent<String>> events(PriceStreamQuery query, long second, long tick) {
		List<ServerSentEvent<String>> events = new ArrayList<>(query.productIds().size() + 1);
		for (long productId : query.productIds()) {
			String data = this.json.writeValueAsString(PriceTick.of(productId, second));
			events.add(ServerSentEvent.builder(data).event("price").build());
		}
		if (tick % this.heartbeatTicks == 0) {
			events.add(ServerSentEvent.<String>builder().comment("heartbeat").build());
		}
		return events;
	}

	/**
	 * Ends every stream when the service shuts down, before the web server's graceful
	 * shutdown waits for in-flight requests: an open stream would never finish by itself.
	 */
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		this.shutdown.tryEmitEmpty();
	}

	int activeTickers() {
		return this.activeTickers.get();
	}

}
