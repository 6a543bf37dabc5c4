package dev.loomflux.bff.home;

import java.util.List;
import java.util.stream.Collectors;

import dev.loomflux.domain.home.Promotion;
import dev.loomflux.domain.home.PromotionsReply;
import dev.loomflux.domain.home.RecommendationsReply;

import org.springframework.web.client.RestClient;

/**
 * The recommendation and promotion services, over one pooled HTTP client per endpoint
 * (each with its own response timeout, see {@link DownstreamConfig}).
 */
class DownstreamClient {

	private final RestClient recommendations;

	private final RestClient promotions;

	private final int recommendationCount;

	DownstreamClient(RestClient recommendations, RestClient promotions, int recommendationCount) {
		this.recommendations = recommendations;
		this.promotions = promotions;
		this.recommendationCount = recommendationCount;
	}

	List<Long> recommendations(long customerId) {
		RecommendationsReply reply = this.recommendations.get()
			.uri("/recommendations/{customerId}?limit={limit}", customerId, this.recommendationCount)
			.retrieve()
			.body(RecommendationsReply.class);
		return reply.productIds();
	}

	List<Promotion> promotions(List<Long> productIds) {
		if (productIds.isEmpty()) {
			return List.of();
		}
		String ids = productIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		PromotionsReply reply = this.promotions.get()
			.uri("/promotions?productIds={ids}", ids)
			.retrieve()
			.body(PromotionsReply.class);
		return reply.promotions();
	}

}
