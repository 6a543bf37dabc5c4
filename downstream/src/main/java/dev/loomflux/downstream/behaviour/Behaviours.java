package dev.loomflux.downstream.behaviour;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The current behaviour of each endpoint: the configured one until an admin request
 * changes it.
 */
@Component
public class Behaviours {

	public static final Set<String> ENDPOINTS = Set.of("recommendations", "promotions");

	private final DownstreamProperties properties;

	private final Map<String, Behaviour> current = new ConcurrentHashMap<>();

	Behaviours(DownstreamProperties properties) {
		this.properties = properties;
		reset();
	}

	public Behaviour of(String endpoint) {
		return this.current.getOrDefault(endpoint, Behaviour.FAST);
	}

	Map<String, Behaviour> all() {
		return Map.copyOf(this.current);
	}

	void set(String endpoint, Behaviour behaviour) {
		this.current.put(endpoint, behaviour);
	}

	void reset() {
		for (String endpoint : ENDPOINTS) {
			this.current.put(endpoint, this.properties.endpoints().getOrDefault(endpoint, Behaviour.FAST));
		}
	}

}
