package dev.loomflux.comparison.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders scenario's invariant, checked in PostgreSQL itself: for every hot product,
 * the stock before the run equals the stock after it plus the quantity ordered in it.
 * Also counts the orders the run created and any Idempotency-Key that made more than one
 * order, and, while the run goes on, samples what PostgreSQL's active sessions wait on
 * ({@code pg_stat_activity} every 250 ms: row locks of hot products, WAL flushes of every
 * commit, or CPU), to say where an order's time goes.
 */
final class OrdersCheck implements RunCheck {

	private final Database database;

	private final int hotProducts;

	private Map<Long, Long> stockBefore;

	private long lastOrderBefore;

	private final Map<String, Long> waits = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();

	private volatile boolean sampling;

	private Thread sampler;

	OrdersCheck(Database database, int hotProducts) {
		this.database = database;
		this.hotProducts = hotProducts;
	}

	@Override
	public void before() throws SQLException {
		try (Connection connection = this.database.connect()) {
			this.stockBefore = stock(connection);
			this.lastOrderBefore = single(connection, "SELECT coalesce(max(id), 0) FROM orders");
		}
		this.sampling = true;
		this.sampler = Thread.ofVirtual().name("pg-waits").start(this::sampleWaits);
	}

	private void sampleWaits() {
		try (Connection connection = this.database.connect();
				PreparedStatement query = connection
					.prepareStatement("SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') "
							+ "FROM pg_stat_activity WHERE datname = ? AND state = 'active' "
							+ "AND pid <> pg_backend_pid()")) {
			query.setString(1, this.database.name());
			while (this.sampling) {
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						this.waits.merge(rows.getString(1), 1L, Long::sum);
					}
				}
				this.samples.incrementAndGet();
				Thread.sleep(250);
			}
		}
		catch (SQLException | InterruptedException ex) {
			// the figures say how many samples there were; none is no figure
		}
	}

	/**
	 * {@code ordersCreated}, {@code stockInvariantViolations}, {@code duplicateOrders};
	 * {@code pgActiveSessions} (mean per sample) and {@code pgWait:<event>} (mean
	 * sessions waiting on it per sample, {@code pgWait:CPU} for those running).
	 */
	@Override
	public Map<String, Double> after() throws SQLException, InterruptedException {
		this.sampling = false;
		this.sampler.join();
		try (Connection connection = this.database.connect()) {
			Map<Long, Long> stockAfter = stock(connection);
			Map<Long, Long> ordered = new HashMap<>();
			try (PreparedStatement query = connection.prepareStatement(
					"SELECT product_id, sum(quantity) FROM order_items WHERE order_id > ? GROUP BY product_id")) {
				query.setLong(1, this.lastOrderBefore);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						ordered.put(rows.getLong(1), rows.getLong(2));
					}
				}
			}
			long violations = this.stockBefore.keySet()
				.stream()
				.filter((id) -> this.stockBefore.get(id) != stockAfter.get(id) + ordered.getOrDefault(id, 0L))
				.count();
			Map<String, Double> figures = new LinkedHashMap<>();
			figures.put("ordersCreated",
					(double) single(connection, "SELECT count(*) FROM orders WHERE id > " + this.lastOrderBefore));
			figures.put("stockInvariantViolations", (double) violations);
			figures.put("duplicateOrders",
					(double) single(connection,
							"SELECT count(*) - count(DISTINCT idempotency_key) FROM orders WHERE id > "
									+ this.lastOrderBefore));
			long sampled = this.samples.get();
			if (sampled > 0) {
				figures.put("pgActiveSessions",
						this.waits.values().stream().mapToLong(Long::longValue).sum() / (double) sampled);
				new java.util.TreeMap<>(this.waits)
					.forEach((event, count) -> figures.put("pgWait:" + event, count / (double) sampled));
			}
			return figures;
		}
	}

	private Map<Long, Long> stock(Connection connection) throws SQLException {
		Map<Long, Long> stock = new HashMap<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT id, stock FROM products WHERE id <= ?")) {
			query.setLong(1, this.hotProducts);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					stock.put(rows.getLong(1), rows.getLong(2));
				}
			}
		}
		return stock;
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
