package dev.loomflux.bff.customer;

import java.util.Optional;

import dev.loomflux.domain.customer.Customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers in PostgreSQL over JDBC. */
@Repository
public class CustomerRepository {

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Customer> findById(long id) {
		return this.jdbc.sql(Customer.FIND_BY_ID)
			.param("id", id)
			.query((row, number) -> new Customer(row.getLong("id"), row.getString("name"), row.getString("email"),
					row.getString("tier")))
			.optional();
	}

	/**
	 * @throws dev.loomflux.domain.error.ApiException {@code CUSTOMER_NOT_FOUND}
	 */
	public void requireExists(long id) {
		long count = this.jdbc.sql(Customer.EXISTS).param("id", id).query(Long.class).single();
		if (count == 0) {
			throw Customer.notFound(id);
		}
	}

}
