package dev.loomflux.downstream.behaviour;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The requests each endpoint has received since start-up: {@code GET /admin/calls} gives
 * {@code {"promotions":12,"recommendations":15}}, {@code GET /admin/calls/promotions}
 * gives {@code 12}.
 */
@RestController
@RequestMapping("/admin/calls")
class CallsController {

	private final Calls calls;

	CallsController(Calls calls) {
		this.calls = calls;
	}

	@GetMapping
	Map<String, Long> all() {
		return this.calls.all();
	}

	@GetMapping("/{endpoint}")
	ResponseEntity<?> of(@PathVariable String endpoint) {
		if (!Behaviours.ENDPOINTS.contains(endpoint)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no endpoint " + endpoint));
		}
		return ResponseEntity.ok(this.calls.of(endpoint));
	}

}
