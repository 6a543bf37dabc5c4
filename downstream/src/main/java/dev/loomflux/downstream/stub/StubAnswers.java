package dev.loomflux.downstream.stub;

import java.util.ArrayList;
import java.util.List;

import dev.loomflux.domain.home.Promotion;
import dev.loomflux.domain.home.PromotionsReply;
import dev.loomflux.domain.home.RecommendationsReply;

/**
 * The stub's answers: pure functions of the request, so every run and both services see
 * the same recommendations and promotions.
 */
final class StubAnswers {

	static final int PRODUCTS = 10_000;

	static final int MAX_RECOMMENDATIONS = 20;

	static final int MAX_PROMOTION_QUERY = 100;

	private StubAnswers() {
	}

	/**
	 * {@code limit} distinct product ids per customer (104729 mod 10000 is coprime with
	 * 10000).
	 */
	static RecommendationsReply recommendations(long customerId, int limit) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < limit; i++) {
			ids.add(1 + Math.floorMod(customerId * 7919 + i * 104_729L, (long) PRODUCTS));
		}
		return new RecommendationsReply(customerId, List.copyOf(ids));
	}

	/** Every fourth product is on promotion, at 5 to 25 % off. */
	static PromotionsReply promotions(List<Long> productIds) {
		List<Promotion> promotions = new ArrayList<>();
		for (long id : productIds) {
			if (id % 4 == 0) {
				int percent = 5 + (int) (id % 5) * 5;
				promotions.add(new Promotion(id, percent, percent + "% off"));
			}
		}
		return new PromotionsReply(List.copyOf(promotions));
	}

}
