package dev.loomflux.bff.home;

import java.util.List;

import dev.loomflux.domain.home.OrderSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A customer's last orders, for the home page. */
@Repository
class RecentOrders {

	private final JdbcClient jdbc;

	RecentOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OrderSummary> of(long customerId) {
		return this.jdbc.sql(OrderSummary.FIND_RECENT)
			.param("customerId", customerId)
			.query((row, number) -> new OrderSummary(row.getLong("id"), row.getString("status"),
					row.getLong("total_cents"), row.getInt("item_count"), row.getTimestamp("created_at").toInstant()))
			.list();
	}

}
