package dev.loomflux.bff.orders;

import java.util.List;

import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.orders.CreateOrderRequest;
import dev.loomflux.domain.orders.Order;
import dev.loomflux.domain.orders.OrderItem;
import dev.loomflux.domain.orders.OrderLines;
import dev.loomflux.domain.orders.OrderRow;
import dev.loomflux.domain.orders.Placement;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders, one transaction each: the key's advisory lock, the replay check, the
 * product rows locked in id order, stock, order and lines, committed together or not at
 * all. The cart and cache follow only after the commit. Each transaction waits for one of
 * the service's {@link OrderSlots} first.
 */
@Service
class OrderService {

	private final OrderRepository orders;

	private final CustomerRepository customers;

	private final OrderCleanup cleanup;

	private final OrderSlots slots;

	private final OrderRateLimit rateLimit;

	private final TransactionTemplate transactions;

	OrderService(OrderRepository orders, CustomerRepository customers, OrderCleanup cleanup, OrderSlots slots,
			OrderRateLimit rateLimit, PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.customers = customers;
		this.cleanup = cleanup;
		this.slots = slots;
		this.rateLimit = rateLimit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	Placement placeOrder(String key, CreateOrderRequest request) {
		// counted before anything else, replays too: each is work for the database
		this.rateLimit.acquire(request.customerId());
		String hash = request.hash();
		Placement placement;
		try {
			placement = this.slots
				.inSlot(() -> this.transactions.execute((status) -> placeInTransaction(key, hash, request)));
		}
		catch (DuplicateKeyException ex) {
			// The advisory lock keeps two transactions with one key apart, so this
			// takes a key written past the lock (or a hash collision's neighbour):
			// the other order stands, and a retry with this key replays it.
			throw keyInFlight();
		}
		if (placement.created()) {
			this.cleanup.afterCommit(placement.order());
		}
		return placement;
	}

	/** The customer's order; another customer's is not found. */
	Order getOrder(long id, long customerId) {
		return Order.ofCustomer(this.orders.findById(id), id, customerId);
	}

	private Placement placeInTransaction(String key, String hash, CreateOrderRequest request) {
		if (!this.orders.tryLockKey(request.customerId(), key)) {
			throw keyInFlight();
		}
		List<OrderRow> previous = this.orders.findByKey(request.customerId(), key);
		if (!previous.isEmpty()) {
			return new Placement(Order.replay(previous, hash), false);
		}
		return placeNew(key, hash, request);
	}

	private Placement placeNew(String key, String hash, CreateOrderRequest request) {
		this.customers.requireExists(request.customerId());
		List<OrderItem> items = OrderLines.of(request, this.orders.lockProducts(request.productIds()));
		return new Placement(this.orders.place(request.customerId(), key, hash, items), true);
	}

	private static ApiException keyInFlight() {
		return new ApiException(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
				ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT.defaultDetail());
	}

}
