package dev.loomflux.domain.home;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the recommendation service answers to {@code GET /recommendations/{customerId}}.
 * Unknown fields are ignored: a downstream service may add fields without breaking the
 * BFF.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecommendationsReply(long customerId, List<Long> productIds) {
}
