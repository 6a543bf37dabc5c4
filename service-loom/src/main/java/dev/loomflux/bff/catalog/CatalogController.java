package dev.loomflux.bff.catalog;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductPage;
import dev.loomflux.domain.catalog.ProductQuery;
import dev.loomflux.domain.error.Ids;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/products}. Parameters arrive as text and are parsed by shared-domain, so
 * invalid input gets the same problem detail from both services.
 */
@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
class CatalogController {

	private final CatalogService catalog;

	CatalogController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/{id}")
	Product getProduct(@PathVariable String id) {
		return this.catalog.getProduct(Ids.parse("id", id));
	}

	@GetMapping
	ProductPage listProducts(@RequestParam(required = false) String category,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String after) {
		return this.catalog.listProducts(ProductQuery.parse(category, limit, after));
	}

}
