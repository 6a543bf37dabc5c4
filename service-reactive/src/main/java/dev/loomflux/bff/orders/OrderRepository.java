package dev.loomflux.bff.orders;

import java.time.OffsetDateTime;
import java.util.List;

import dev.loomflux.domain.orders.Order;
import dev.loomflux.domain.orders.OrderItem;
import dev.loomflux.domain.orders.OrderLines;
import dev.loomflux.domain.orders.OrderRow;
import dev.loomflux.domain.orders.OrderSql;
import dev.loomflux.domain.orders.StockedProduct;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in PostgreSQL over R2DBC; the statements are shared-domain's {@link OrderSql}.
 * Every method runs in the subscriber's transaction, if there is one.
 */
@Repository
class OrderRepository {

	private final DatabaseClient db;

	OrderRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Boolean> tryLockKey(long customerId, String key) {
		return this.db.sql(OrderSql.TRY_LOCK_KEY)
			.bind("key", key)
			.bind("customerId", customerId)
			.map((row) -> row.get(0, Boolean.class))
			.one();
	}

	Mono<List<OrderRow>> findById(long id) {
		return this.db.sql(OrderSql.FIND_BY_ID).bind("id", id).map(OrderRepository::toRow).all().collectList();
	}

	Mono<List<OrderRow>> findByKey(long customerId, String key) {
		return this.db.sql(OrderSql.FIND_BY_KEY)
			.bind("customerId", customerId)
			.bind("key", key)
			.map(OrderRepository::toRow)
			.all()
			.collectList();
	}

	Mono<List<StockedProduct>> lockProducts(List<Long> ids) {
		return this.db.sql(OrderSql.LOCK_PRODUCTS)
			.bind("ids", ids)
			.map((row) -> new StockedProduct(row.get("id", Long.class), row.get("price_cents", Long.class),
					row.get("stock", Integer.class)))
			.all()
			.collectList();
	}

	/** Takes the stock and writes the order with its lines ({@link OrderSql#PLACE}). */
	Mono<Order> place(long customerId, String key, String requestHash, List<OrderItem> items) {
		return this.db.sql(OrderSql.PLACE)
			.bind("productIds", items.stream().map(OrderItem::productId).toList())
			.bind("quantities", items.stream().map(OrderItem::quantity).toList())
			.bind("unitPrices", items.stream().map(OrderItem::unitPriceCents).toList())
			.bind("customerId", customerId)
			.bind("status", Order.CONFIRMED)
			.bind("totalCents", OrderLines.totalCents(items))
			.bind("key", key)
			.bind("requestHash", requestHash)
			.map((row) -> Order.placed(row.get("id", Long.class), customerId,
					row.get("created_at", OffsetDateTime.class).toInstant(), items))
			.one();
	}

	private static OrderRow toRow(Readable row) {
		return new OrderRow(row.get("id", Long.class), row.get("customer_id", Long.class),
				row.get("status", String.class), row.get("total_cents", Long.class),
				row.get("request_hash", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
				row.get("product_id", Long.class), row.get("quantity", Integer.class),
				row.get("unit_price_cents", Long.class));
	}

}
