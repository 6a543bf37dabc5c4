package dev.loomflux.domain.limit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

/**
 * A cap on how many units of some work (insights simulations, open price streams) run at
 * once. Over the cap a request is refused at once with 503 {@code OVERLOADED} rather than
 * queued: a queue without a bound is how a service runs out of memory or answers
 * everything late. Never blocks, so it is safe on an event loop.
 */
public final class ConcurrencyLimit {

	/**
	 * The {@code Retry-After} both services send with {@code OVERLOADED}, in seconds.
	 */
	public static final String RETRY_AFTER_SECONDS = "1";

	private final String work;

	private final int max;

	private final AtomicInteger inUse = new AtomicInteger();

	private final AtomicLong refused = new AtomicLong();

	/**
	 * @param work what is limited, for the problem detail ("insights simulations")
	 * @param max how many may run at once; 0 refuses all
	 */
	public ConcurrencyLimit(String work, int max) {
		if (max < 0) {
			throw new IllegalArgumentException("max must not be negative: " + max);
		}
		this.work = work;
		this.max = max;
	}

	/**
	 * Takes one unit; the caller must {@link #release()} it exactly once.
	 * @throws ApiException {@code OVERLOADED} when all units are taken
	 */
	public void acquire() {
		if (this.inUse.incrementAndGet() > this.max) {
			this.inUse.decrementAndGet();
			this.refused.incrementAndGet();
			throw new ApiException(ErrorCode.OVERLOADED,
					"Too many " + this.work + " at once (at most " + this.max + "); retry later.");
		}
	}

	public void release() {
		this.inUse.decrementAndGet();
	}

	/** The units taken now; a gauge reads it. */
	public int inUse() {
		return this.inUse.get();
	}

	/**
	 * How many acquisitions were refused since start; a counter reads it
	 * ({@code bff.limit.refused}, tagged with the limit).
	 */
	public long refused() {
		return this.refused.get();
	}

}
