package dev.loomflux.domain.customer;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

/** A customer as the home page shows it. */
public record Customer(long id, String name, String email, String tier) {

	public static final String FIND_BY_ID = "SELECT id, name, email, tier FROM customers WHERE id = :id";

	public static final String EXISTS = "SELECT count(*) FROM customers WHERE id = :id";

	public static ApiException notFound(long id) {
		return new ApiException(ErrorCode.CUSTOMER_NOT_FOUND, "Customer " + id + " does not exist.");
	}

}
