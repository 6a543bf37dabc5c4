package dev.loomflux.testsupport.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.loomflux.testsupport.TestInfrastructure;

/**
 * What the order tests look at and prepare in PostgreSQL, straight over JDBC: what a
 * request did to the data is checked in the data, not through the API under test.
 */
public final class OrderData {

	private OrderData() {
	}

	public static int stock(long productId) {
		return (int) queryLong("SELECT stock FROM products WHERE id = ?", productId);
	}

	/**
	 * Backends of this run's database waiting for a lock, e.g. an order waiting for a
	 * product row a test holds; asked on a connection of its own: pg_stat_activity is a
	 * snapshot per transaction.
	 */
	public static long backendsWaitingForALock() {
		return queryLong("SELECT count(*) FROM pg_stat_activity"
				+ " WHERE datname = current_database() AND wait_event_type = 'Lock'");
	}

	public static void setStock(long productId, int stock) {
		update("UPDATE products SET stock = ? WHERE id = ?", stock, productId);
	}

	static long ordersWithKey(String key) {
		return queryLong("SELECT count(*) FROM orders WHERE idempotency_key = ?", key);
	}

	static long orders() {
		return queryLong("SELECT count(*) FROM orders");
	}

	/**
	 * The quantity of a product ordered by the orders whose keys start with the prefix.
	 */
	public static long orderedQuantity(long productId, String keyPrefix) {
		return queryLong("""
				SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id
				WHERE i.product_id = ? AND o.idempotency_key LIKE ?""", productId, keyPrefix + "%");
	}

	private static long queryLong(String sql, Object... params) {
		try (Connection connection = TestInfrastructure.get().openConnection();
				PreparedStatement statement = prepare(connection, sql, params);
				ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void update(String sql, Object... params) {
		try (Connection connection = TestInfrastructure.get().openConnection();
				PreparedStatement statement = prepare(connection, sql, params)) {
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < params.length; i++) {
			statement.setObject(i + 1, params[i]);
		}
		return statement;
	}

}
