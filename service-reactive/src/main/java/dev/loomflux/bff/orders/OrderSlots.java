package dev.loomflux.bff.orders;

import java.time.Duration;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.orders.Order;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import org.springframework.stereotype.Component;

/**
 * At most {@code bff.orders.max-concurrent} orders in their transaction at once; the
 * others wait in line, first come first served, for up to {@code bff.orders.max-wait},
 * holding no connection and no row lock while they wait. Orders for the same hot products
 * go through one at a time on the rows' locks anyway; without this line they would wait
 * inside PostgreSQL, each holding a pooled connection, until the pool was empty for every
 * other request and their lock waits ran into the statement timeout. The line is a
 * reactor-pool of slot tokens (the library under r2dbc-pool): acquiring never blocks the
 * event loop, a waiting order is a pending subscriber, and a released slot goes to the
 * longest waiting one. service-loom's {@code OrderSlots} keeps the same line with a fair
 * semaphore.
 */
@Component
class OrderSlots {

	private static final Object SLOT = new Object();

	private final int slots;

	private final Duration maxWait;

	private final InstrumentedPool<Object> free;

	OrderSlots(BffProperties properties) {
		this.slots = properties.orders().maxConcurrent();
		this.maxWait = properties.orders().maxWait();
		this.free = PoolBuilder.from(Mono.just(SLOT)).sizeBetween(0, this.slots).buildPool();
	}

	/**
	 * Subscribes to the order once a slot is free; signals {@code DATABASE_BUSY} when
	 * none was free within the wait.
	 */
	<T> Mono<T> inSlot(Mono<T> order) {
		Mono<PooledRef<Object>> slot = this.free.acquire(this.maxWait)
			.onErrorMap(PoolAcquireTimeoutException.class, (ex) -> Order.busy(this.slots));
		return Mono.usingWhen(slot, (acquired) -> order, PooledRef::release);
	}

}
