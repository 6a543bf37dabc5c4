package dev.loomflux.bff.prices;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.loomflux.bff.catalog.CatalogService;
import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.limit.ConcurrencyLimit;
import dev.loomflux.domain.prices.PriceStreamQuery;
import dev.loomflux.domain.prices.PriceTick;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One virtual thread per open stream, written as a plain loop: sleep to the next second,
 * write that second's ticks, repeat until a write fails or the request completes. A
 * sleeping virtual thread holds no carrier, so thousands of open streams cost their
 * stacks, not threads. The thread ends when the client leaves: its next write fails, or
 * the container completes the request and interrupts it.
 */
@Service
class PriceStreamService {

	/** Streams end when the client leaves, never by a timeout. */
	private static final long NO_TIMEOUT = 0;

	private final CatalogService catalog;

	private final JsonMapper json;

	private final ConcurrencyLimit limit;

	private final long heartbeatTicks;

	private final Set<Thread> streams = ConcurrentHashMap.newKeySet();

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

	SseEmitter open(PriceStreamQuery query) {
		this.catalog.requireAll(query.productIds());
		this.limit.acquire();
		SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
		Thread stream = Thread.ofVirtual().name("price-stream").unstarted(() -> stream(query, emitter));
		emitter.onCompletion(stream::interrupt);
		emitter.onError((failure) -> stream.interrupt());
		this.streams.add(stream);
		stream.start();
		return emitter;
	}

	private void stream(PriceStreamQuery query, SseEmitter emitter) {
		try {
			long second = System.currentTimeMillis() / 1000 + 1;
			for (long tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
				sleepUntil(second);
				for (long productId : query.productIds()) {
					String data = this.json.writeValueAsString(PriceTick.of(productId, second));
					emitter.send(SseEmitter.event().name("price").data(data));
				}
				if (tick % this.heartbeatTicks == 0) {
					emitter.send(SseEmitter.event().comment("heartbeat"));
				}
				// a slow client skips the seconds it missed rather than falling behind
				second = Math.max(second + 1, System.currentTimeMillis() / 1000 + 1);
			}
		}
		catch (IOException | IllegalStateException | InterruptedException clientGoneOrShutdown) {
			// the client left (or the service is stopping): the stream ends here
		}
		finally {
			this.streams.remove(Thread.currentThread());
			this.limit.release();
			emitter.complete();
		}
	}

	private static void sleepUntil(long epochSecond) throws InterruptedException {
		long millis = epochSecond * 1000 - System.currentTimeMillis();
		if (millis > 0) {
			Thread.sleep(Duration.ofMillis(millis));
		}
	}

	/**
	 * Ends every stream when the service shuts down, before the web server's graceful
	 * shutdown waits for in-flight requests: an open stream would never finish by itself.
	 */
	@EventListener(ContextClosedEvent.class)
	void endStreams() {
		this.streams.forEach(Thread::interrupt);
	}

	/** The threads of the open streams; a test checks that none outlives its client. */
	Set<Thread> streamThreads() {
		return Set.copyOf(this.streams);
	}

}
