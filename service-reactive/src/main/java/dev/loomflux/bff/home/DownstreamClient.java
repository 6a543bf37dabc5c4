package dev.loomflux.bff.home;

import java.util.List;
import java.util.stream.Collectors;

import dev.loomflux.domain.home.Promotion;
import dev.loomflux.domain.home.PromotionsReply;
import dev.loomflux.domain.home.RecommendationsReply;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The recommendation and promotion services, over one pooled HTTP client per endpoint
 * (each with its own response timeout, see {@link DownstreamConfig}) and one circuit
 * breaker per endpoint. The breaker records every call, a timeout as a failure; while it
 * is open a call fails at once with {@link CallNotPermittedException} without reaching
 * the endpoint, and its section is degraded as for any other failure. A call cancelled by
 * the home deadline is recorded as neither (Resilience4j's operator releases its
 * permission), where service-loom's abandoned call ends by its own timeout and is
 * recorded as that.
 */
class DownstreamClient {

	private final WebClient recommendations;

	private final CircuitBreaker recommendationsBreaker;

	private final WebClient promotions;

	private final CircuitBreaker promotionsBreaker;

	private final int recommendationCount;

	DownstreamClient(WebClient recommendations, CircuitBreaker recommendationsBreaker, WebClient promotions,
			CircuitBreaker promotionsBreaker, int recommendationCount) {
		this.recommendations = recommendations;
		this.recommendationsBreaker = recommendationsBreaker;
		this.promotions = promotions;
		this.promotionsBreaker = promotionsBreaker;
		this.recommendationCount = recommendationCount;
	}

	Mono<List<Long>> recommendations(long customerId) {
		return this.recommendations.get()
			.uri("/recommendations/{customerId}?limit={limit}", customerId, this.recommendationCount)
			.retrieve()
			.bodyToMono(RecommendationsReply.class)
			.transformDeferred(CircuitBreakerOperator.of(this.recommendationsBreaker))
			.map(RecommendationsReply::productIds);
	}

	Mono<List<Promotion>> promotions(List<Long> productIds) {
		if (productIds.isEmpty()) {
			return Mono.just(List.of());
		}
		String ids = productIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		return this.promotions.get()
			.uri("/promotions?productIds={ids}", ids)
			.retrieve()
			.bodyToMono(PromotionsReply.class)
			.transformDeferred(CircuitBreakerOperator.of(this.promotionsBreaker))
			.map(PromotionsReply::promotions);
	}

}
