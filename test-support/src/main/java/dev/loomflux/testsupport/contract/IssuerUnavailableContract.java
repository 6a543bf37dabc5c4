package dev.loomflux.testsupport.contract;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.OpenApiContract;
import dev.loomflux.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static dev.loomflux.testsupport.contract.CatalogContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token issuer's keys (JWKS) cannot be fetched (nothing listens at the configured
 * URI): a request with a token, which cannot be checked, is 503
 * {@code ISSUER_UNAVAILABLE} with {@code Retry-After}, never a 500 and never let through;
 * one without a token is answered as always (public paths 200, a customer's 401).
 */
@ServiceTest
@TestPropertySource(properties = "bff.security.jwks-uri=http://127.0.0.1:1/test-issuer/jwks")
public abstract class IssuerUnavailableContract {

	@LocalServerPort
	private int port;

	@Test
	void shouldAnswer503ForATokenThatCannotBeCheckedAndServeRequestsWithoutOne() {
		HttpApi anonymous = HttpApi.onPort(this.port);
		HttpApi customer = anonymous.as(1);

		Reply product = OpenApiContract.checkedGet(customer, "/api/products/1");
		Reply cart = OpenApiContract.checkedGet(customer, "/api/customers/1/cart");

		assertProblem(product, 503, "ISSUER_UNAVAILABLE");
		assertThat(product.header("Retry-After")).isEqualTo("1");
		assertProblem(cart, 503, "ISSUER_UNAVAILABLE");
		assertThat(anonymous.get("/api/products/1").status()).isEqualTo(200);
		assertProblem(anonymous.get("/api/customers/1/cart"), 401, "UNAUTHENTICATED");
	}

}
