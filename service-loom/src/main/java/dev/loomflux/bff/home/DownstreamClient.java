package dev.loomflux.bff.home;

import java.util.List;
import java.util.stream.Collectors;

import dev.loomflux.domain.home.Promotion;
import dev.loomflux.domain.home.PromotionsReply;
import dev.loomflux.domain.home.RecommendationsReply;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.web.client.RestClient;

/**
 * The recommendation and promotion services, over one pooled HTTP client per endpoint
 * (each with its own response timeout, see {@link DownstreamConfig}) and one circuit
 * breaker per endpoint. The breaker records every call, a timeout as a failure; while it
 * is open a call fails at once with {@link CallNotPermittedException} without reaching
 * the endpoint, and its section is degraded as for any other failure.
 */
class DownstreamClient {

	private final RestClient recommendations;

	private final CircuitBreaker recommendationsBreaker;

	private final RestClient promotions;

	private final CircuitBreaker promotionsBreaker;

	private final int recommendationCount;

	DownstreamClient(RestClient recommendations, CircuitBreaker recommendationsBreaker, RestClient promotions,
			CircuitBreaker promotionsBreaker, int recommendationCount) {
		this.recommendations = recommendations;
		this.recommendationsBreaker = recommendationsBreaker;
		this.promotions = promotions;
		this.promotionsBreaker = promotionsBreaker;
		this.recommendationCount = recommendationCount;
	}

	List<Long> recommendations(long customerId) {
		RecommendationsReply reply = this.recommendationsBreaker.executeSupplier(() -> this.recommendations.get()
			.uri("/recommendations/{customerId}?limit={limit}", customerId, this.recommendationCount)
			.retrieve()
			.body(RecommendationsReply.class));
		return reply.productIds();
	}

	List<Promotion> promotions(List<Long> productIds) {
		if (productIds.isEmpty()) {
			return List.of();
		}
		String ids = productIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		PromotionsReply reply = this.promotionsBreaker.executeSupplier(() -> this.promotions.get()
			.uri("/promotions?productIds={ids}", ids)
			.retrieve()
			.body(PromotionsReply.class));
		return reply.promotions();
	}

}
