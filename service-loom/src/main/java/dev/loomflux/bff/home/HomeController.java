package dev.loomflux.bff.home;

import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.home.Home;
import dev.loomflux.domain.security.CustomerAccess;
import dev.loomflux.bff.security.TokenValidators;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/customers/{id}/home}: the BFF aggregate, for the token's customer only.
 */
@RestController
class HomeController {

	private final HomeService home;

	HomeController(HomeService home) {
		this.home = home;
	}

	@GetMapping(path = "/api/customers/{id}/home", produces = "application/json")
	Home getHome(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
		long customerId = Ids.parse("id", id);
		CustomerAccess.requireCustomer(customerId, TokenValidators.subject(token));
		return this.home.getHome(customerId);
	}

}
