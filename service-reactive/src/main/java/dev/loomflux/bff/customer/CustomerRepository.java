package dev.loomflux.bff.customer;

import dev.loomflux.domain.customer.Customer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Customers in PostgreSQL over R2DBC. */
@Repository
public class CustomerRepository {

	private final DatabaseClient db;

	CustomerRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Customer> findById(long id) {
		return this.db.sql(Customer.FIND_BY_ID)
			.bind("id", id)
			.map((row) -> new Customer(row.get("id", Long.class), row.get("name", String.class),
					row.get("email", String.class), row.get("tier", String.class)))
			.one();
	}

	/**
	 * Completes when the customer exists, fails with {@code CUSTOMER_NOT_FOUND}
	 * otherwise.
	 */
	public Mono<Void> requireExists(long id) {
		return this.db.sql(Customer.EXISTS)
			.bind("id", id)
			.map((row) -> row.get(0, Long.class))
			.one()
			.flatMap((count) -> (count == 0) ? Mono.error(Customer.notFound(id)) : Mono.empty());
	}

}
