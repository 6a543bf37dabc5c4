package dev.loomflux.bff.cart;

import dev.loomflux.domain.cart.Cart;
import dev.loomflux.domain.cart.CartItemUpdate;
import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.json.JsonBodies;
import dev.loomflux.domain.security.CustomerAccess;
import dev.loomflux.bff.security.TokenValidators;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/customers/{id}/cart}, for the bearer token's customer only. The body
 * arrives as bytes and is parsed by shared-domain, so that both services accept and
 * refuse exactly the same JSON.
 */
@RestController
@RequestMapping(path = "/api/customers/{id}/cart", produces = "application/json")
class CartController {

	private final CartService carts;

	CartController(CartService carts) {
		this.carts = carts;
		JsonBodies.prepare(CartItemUpdate.class);
	}

	@GetMapping
	Cart getCart(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
		long customerId = Ids.parse("id", id);
		CustomerAccess.requireCustomer(customerId, TokenValidators.subject(token));
		return this.carts.getCart(customerId);
	}

	@PutMapping(path = "/items/{productId}", consumes = "application/json")
	Cart putCartItem(@PathVariable String id, @PathVariable String productId, @RequestBody byte[] body,
			@AuthenticationPrincipal Jwt token) {
		long customerId = Ids.parse("id", id);
		CustomerAccess.requireCustomer(customerId, TokenValidators.subject(token));
		long product = Ids.parse("productId", productId);
		return this.carts.putItem(customerId, product, CartItemUpdate.parse(body));
	}

}
