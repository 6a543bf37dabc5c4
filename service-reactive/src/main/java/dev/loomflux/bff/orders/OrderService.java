package dev.loomflux.bff.orders;

import java.util.List;

import dev.loomflux.bff.customer.CustomerRepository;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.orders.CreateOrderRequest;
import dev.loomflux.domain.orders.Order;
import dev.loomflux.domain.orders.OrderLines;
import dev.loomflux.domain.orders.OrderRow;
import dev.loomflux.domain.orders.Placement;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

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

	private final TransactionalOperator transactions;

	OrderService(OrderRepository orders, CustomerRepository customers, OrderCleanup cleanup, OrderSlots slots,
			OrderRateLimit rateLimit, ReactiveTransactionManager transactionManager) {
		this.orders = orders;
		this.customers = customers;
		this.cleanup = cleanup;
		this.slots = slots;
		this.rateLimit = rateLimit;
		this.transactions = TransactionalOperator.create(transactionManager);
	}

	Mono<Placement> placeOrder(String key, CreateOrderRequest request) {
		String hash = request.hash();
		// counted before anything else, replays too: each is work for the database
		return this.rateLimit.acquire(request.customerId())
			.then(Mono.defer(() -> this.slots
				.inSlot(this.transactions.transactional(Mono.defer(() -> placeInTransaction(key, hash, request))))))
			// The advisory lock keeps two transactions with one key apart, so this
			// takes a key written past the lock (or a hash collision's neighbour):
			// the other order stands, and a retry with this key replays it.
			.onErrorMap(DuplicateKeyException.class, (ex) -> keyInFlight())
			.flatMap((placement) -> placement.created()
					? this.cleanup.afterCommit(placement.order()).thenReturn(placement) : Mono.just(placement));
	}

	/** The customer's order; another customer's is not found. */
	Mono<Order> getOrder(long id, long customerId) {
		return this.orders.findById(id).map((rows) -> Order.ofCustomer(rows, id, customerId));
	}

	private Mono<Placement> placeInTransaction(String key, String hash, CreateOrderRequest request) {
		return this.orders.tryLockKey(request.customerId(), key)
			.flatMap((locked) -> locked ? this.orders.findByKey(request.customerId(), key)
					: Mono.<List<OrderRow>>error(keyInFlight()))
			.flatMap((previous) -> previous.isEmpty() ? placeNew(key, hash, request)
					: Mono.just(new Placement(Order.replay(previous, hash), false)));
	}

	private Mono<Placement> placeNew(String key, String hash, CreateOrderRequest request) {
		return this.customers.requireExists(request.customerId())
			.then(this.orders.lockProducts(request.productIds()))
			.map((locked) -> OrderLines.of(request, locked))
			.flatMap((items) -> this.orders.place(request.customerId(), key, hash, items))
			.map((order) -> new Placement(order, true));
	}

	private static ApiException keyInFlight() {
		return new ApiException(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
				ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT.defaultDetail());
	}

}
