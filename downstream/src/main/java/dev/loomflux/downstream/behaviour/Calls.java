package dev.loomflux.downstream.behaviour;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * How many valid requests each endpoint has received since the stub started, whatever its
 * behaviour made it answer (an error, a hang): what a test reads to see whether a service
 * still calls a downstream (an open circuit breaker must not). Never reset, so that
 * readers take differences and cannot disturb each other.
 */
@Component
public class Calls {

	private final Map<String, LongAdder> received = Map.copyOf(Behaviours.ENDPOINTS.stream()
		.collect(Collectors.toMap((endpoint) -> endpoint, (endpoint) -> new LongAdder())));

	public void received(String endpoint) {
		this.received.get(endpoint).increment();
	}

	long of(String endpoint) {
		return this.received.get(endpoint).sum();
	}

	Map<String, Long> all() {
		Map<String, Long> all = new TreeMap<>();
		this.received.forEach((endpoint, count) -> all.put(endpoint, count.sum()));
		return all;
	}

}
