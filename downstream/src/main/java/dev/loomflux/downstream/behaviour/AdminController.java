package dev.loomflux.downstream.behaviour;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes latency and faults at run time, so an experiment can make a dependency slow or
 * failing without a restart: {@code PUT /admin/behaviours/recommendations} with
 * {@code {"latency":"PT0.1S","jitter":"PT0.02S","errorRate":0.1}}.
 */
@RestController
@RequestMapping("/admin/behaviours")
class AdminController {

	private final Behaviours behaviours;

	AdminController(Behaviours behaviours) {
		this.behaviours = behaviours;
	}

	@GetMapping
	Map<String, Behaviour> all() {
		return this.behaviours.all();
	}

	@PutMapping("/{endpoint}")
	ResponseEntity<?> set(@PathVariable String endpoint, @RequestBody Behaviour behaviour) {
		if (!Behaviours.ENDPOINTS.contains(endpoint)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no endpoint " + endpoint));
		}
		List<String> problems = behaviour.problems();
		if (!problems.isEmpty()) {
			return ResponseEntity.badRequest().body(Map.of("error", String.join("; ", problems)));
		}
		this.behaviours.set(endpoint, behaviour);
		return ResponseEntity.ok(behaviour);
	}

	@PostMapping("/reset")
	Map<String, Behaviour> reset() {
		this.behaviours.reset();
		return this.behaviours.all();
	}

}
