package dev.loomflux.bff.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.loomflux.domain.orders.Order;
import dev.loomflux.domain.orders.OrderItem;
import dev.loomflux.domain.orders.OrderLines;
import dev.loomflux.domain.orders.OrderRow;
import dev.loomflux.domain.orders.OrderSql;
import dev.loomflux.domain.orders.StockedProduct;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders in PostgreSQL over JDBC; the statements are shared-domain's {@link OrderSql}.
 * Every method runs in the caller's transaction, if there is one.
 */
@Repository
class OrderRepository {

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean tryLockKey(long customerId, String key) {
		return this.jdbc.sql(OrderSql.TRY_LOCK_KEY)
			.param("key", key)
			.param("customerId", customerId)
			.query(Boolean.class)
			.single();
	}

	List<OrderRow> findById(long id) {
		return this.jdbc.sql(OrderSql.FIND_BY_ID).param("id", id).query(OrderRepository::toRow).list();
	}

	List<OrderRow> findByKey(long customerId, String key) {
		return this.jdbc.sql(OrderSql.FIND_BY_KEY)
			.param("customerId", customerId)
			.param("key", key)
			.query(OrderRepository::toRow)
			.list();
	}

	List<StockedProduct> lockProducts(List<Long> ids) {
		return this.jdbc.sql(OrderSql.LOCK_PRODUCTS)
			.param("ids", ids)
			.query((row, number) -> new StockedProduct(row.getLong("id"), row.getLong("price_cents"),
					row.getInt("stock")))
			.list();
	}

	/** Takes the stock and writes the order with its lines ({@link OrderSql#PLACE}). */
	Order place(long customerId, String key, String requestHash, List<OrderItem> items) {
		return this.jdbc.sql(OrderSql.PLACE)
			.param("productIds", items.stream().map(OrderItem::productId).toList())
			.param("quantities", items.stream().map(OrderItem::quantity).toList())
			.param("unitPrices", items.stream().map(OrderItem::unitPriceCents).toList())
			.param("customerId", customerId)
			.param("status", Order.CONFIRMED)
			.param("totalCents", OrderLines.totalCents(items))
			.param("key", key)
			.param("requestHash", requestHash)
			.query((row, number) -> Order.placed(row.getLong("id"), customerId,
					row.getTimestamp("created_at").toInstant(), items))
			.single();
	}

	private static OrderRow toRow(ResultSet row, int number) throws SQLException {
		return new OrderRow(row.getLong("id"), row.getLong("customer_id"), row.getString("status"),
				row.getLong("total_cents"), row.getString("request_hash"), row.getTimestamp("created_at").toInstant(),
				row.getLong("product_id"), row.getInt("quantity"), row.getLong("unit_price_cents"));
	}

}
