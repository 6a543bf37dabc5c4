package dev.loomflux.domain.home;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the promotion service answers to {@code GET /promotions?productIds=}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromotionsReply(List<Promotion> promotions) {
}
