package dev.loomflux.bff.home;

import java.time.OffsetDateTime;
import java.util.List;

import dev.loomflux.domain.home.OrderSummary;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** A customer's last orders, for the home page. */
@Repository
class RecentOrders {

	private final DatabaseClient db;

	RecentOrders(DatabaseClient db) {
		this.db = db;
	}

	Mono<List<OrderSummary>> of(long customerId) {
		return this.db.sql(OrderSummary.FIND_RECENT)
			.bind("customerId", customerId)
			.map((row) -> new OrderSummary(row.get("id", Long.class), row.get("status", String.class),
					row.get("total_cents", Long.class), row.get("item_count", Long.class).intValue(),
					row.get("created_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectList();
	}

}
