package dev.loomflux.bff.home;

import java.util.List;
import java.util.stream.Collectors;

import dev.loomflux.domain.home.Promotion;
import dev.loomflux.domain.home.PromotionsReply;
import dev.loomflux.domain.home.RecommendationsReply;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The recommendation and promotion services, over one pooled HTTP client per endpoint
 * (each with its own response timeout, see {@link DownstreamConfig}).
 */
class DownstreamClient {

	private final WebClient recommendations;

	private final WebClient promotions;

	private final int recommendationCount;

	DownstreamClient(WebClient recommendations, WebClient promotions, int recommendationCount) {
		this.recommendations = recommendations;
		this.promotions = promotions;
		this.recommendationCount = recommendationCount;
	}

	Mono<List<Long>> recommendations(long customerId) {
		return this.recommendations.get()
			.uri("/recommendations/{customerId}?limit={limit}", customerId, this.recommendationCount)
			.retrieve()
			.bodyToMono(RecommendationsReply.class)
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
			.map(PromotionsReply::promotions);
	}

}
