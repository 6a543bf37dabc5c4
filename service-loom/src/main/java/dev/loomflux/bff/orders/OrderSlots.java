package dev.loomflux.bff.orders;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.orders.Order;

import org.springframework.stereotype.Component;

/**
 * At most {@code bff.orders.max-concurrent} orders in their transaction at once; the
 * others wait in line, first come first served, for up to {@code bff.orders.max-wait},
 * holding no connection and no row lock while they wait. Orders for the same hot products
 * go through one at a time on the rows' locks anyway; without this line they would wait
 * inside PostgreSQL, each holding a pooled connection, until the pool was empty for every
 * other request and their lock waits ran into the statement timeout. A fair semaphore: a
 * waiting virtual thread parks without pinning its carrier. service-reactive's
 * {@code OrderSlots} keeps the same line without blocking.
 */
@Component
class OrderSlots {

	private final int slots;

	private final long maxWaitNanos;

	private final Semaphore free;

	OrderSlots(BffProperties properties) {
		this.slots = properties.orders().maxConcurrent();
		this.maxWaitNanos = properties.orders().maxWait().toNanos();
		this.free = new Semaphore(this.slots, true);
	}

	/**
	 * Runs the order once a slot is free.
	 * @throws dev.loomflux.domain.error.ApiException {@code DATABASE_BUSY} when none was
	 * free within the wait
	 */
	<T> T inSlot(Supplier<T> order) {
		if (!tryAcquire()) {
			throw Order.busy(this.slots);
		}
		try {
			return order.get();
		}
		finally {
			this.free.release();
		}
	}

	private boolean tryAcquire() {
		try {
			return this.free.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			// the request is being abandoned (shutdown): it gets no slot
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
