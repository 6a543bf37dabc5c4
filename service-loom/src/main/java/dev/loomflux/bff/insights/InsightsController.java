package dev.loomflux.bff.insights;

import dev.loomflux.domain.error.Ids;
import dev.loomflux.domain.insights.Insights;
import dev.loomflux.domain.insights.InsightsQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/products/{id}/insights}: the CPU-bound endpoint. Parameters arrive as text
 * and are parsed by shared-domain, so invalid input gets the same problem detail from
 * both services.
 */
@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
class InsightsController {

	private final InsightsService insights;

	InsightsController(InsightsService insights) {
		this.insights = insights;
	}

	@GetMapping("/{id}/insights")
	Insights getInsights(@PathVariable String id, @RequestParam(required = false) String horizonDays,
			@RequestParam(required = false) String paths) {
		return this.insights.getInsights(Ids.parse("id", id), InsightsQuery.parse(horizonDays, paths));
	}

}
