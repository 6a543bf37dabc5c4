package dev.loomflux.bff.orders;

import java.net.URI;

import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.json.JsonBodies;
import dev.loomflux.domain.orders.CreateOrderRequest;
import dev.loomflux.domain.orders.IdempotencyKey;
import dev.loomflux.domain.orders.Order;
import dev.loomflux.domain.orders.Placement;
import dev.loomflux.domain.security.CustomerAccess;
import dev.loomflux.bff.security.TokenValidators;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders}, for the bearer token's customer: an order is placed for that
 * customer, and another customer's order is not found. The key header and the body are
 * checked by shared-domain (the header is optional here so that its absence gets the
 * contract's problem, not the framework's), so both services accept and refuse exactly
 * the same requests.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = "application/json")
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
		JsonBodies.prepare(CreateOrderRequest.class);
	}

	@PostMapping(consumes = "application/json")
	Mono<ResponseEntity<Order>> createOrder(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
			@RequestBody byte[] body, @AuthenticationPrincipal Jwt token) {
		return Mono.defer(() -> {
			long customer = CustomerAccess.customerOf(TokenValidators.subject(token));
			String idempotencyKey = IdempotencyKey.parse(key);
			return this.orders.placeOrder(idempotencyKey, CreateOrderRequest.parse(body, customer));
		}).map(OrderController::respond);
	}

	@GetMapping("/{id}")
	Mono<Order> getOrder(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
		return Mono.defer(() -> {
			long customer = CustomerAccess.customerOf(TokenValidators.subject(token));
			return this.orders.getOrder(Ids.parse("id", id), customer);
		});
	}

	private static ResponseEntity<Order> respond(Placement placement) {
		Order order = placement.order();
		return placement.created() ? ResponseEntity.created(URI.create(order.location())).body(order)
				: ResponseEntity.ok(order);
	}

}
