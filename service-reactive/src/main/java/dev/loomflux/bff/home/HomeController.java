package dev.loomflux.bff.home;

import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.home.Home;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/customers/{id}/home}: the BFF aggregate. */
@RestController
class HomeController {

	private final HomeService home;

	HomeController(HomeService home) {
		this.home = home;
	}

	@GetMapping(path = "/api/customers/{id}/home", produces = "application/json")
	Mono<Home> getHome(@PathVariable String id) {
		return Mono.defer(() -> this.home.getHome(Ids.parse("id", id)));
	}

}
