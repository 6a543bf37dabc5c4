package dev.loomflux.downstream.behaviour;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The behaviour of each endpoint at start-up, e.g.
 * {@code downstream.endpoints.recommendations.latency=100ms}
 * ({@code DOWNSTREAM_ENDPOINTS_RECOMMENDATIONS_LATENCY=100ms}).
 */
@ConfigurationProperties("downstream")
public record DownstreamProperties(Map<String, Behaviour> endpoints) {

	public DownstreamProperties {
		endpoints = (endpoints != null) ? Map.copyOf(endpoints) : Map.of();
	}

}
