package dev.loomflux.bff.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductQuery;
import dev.loomflux.domain.catalog.ProductSql;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Products in PostgreSQL over R2DBC; the statements are shared-domain's
 * {@link ProductSql}.
 */
@Repository
class ProductRepository {

	private final DatabaseClient db;

	ProductRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Product> findById(long id) {
		return this.db.sql(ProductSql.FIND_BY_ID).bind("id", id).map(ProductRepository::toProduct).one();
	}

	Flux<Product> findByIds(Collection<Long> ids) {
		return this.db.sql(ProductSql.FIND_BY_IDS).bind("ids", ids).map(ProductRepository::toProduct).all();
	}

	/**
	 * Up to {@code limit + 1} products after the cursor, in id order (see
	 * {@code ProductPage.of}).
	 */
	Flux<Product> findPage(ProductQuery query) {
		DatabaseClient.GenericExecuteSpec statement = this.db.sql(ProductSql.page(query))
			.bind("after", query.afterId())
			.bind("limit", query.limit() + 1);
		if (query.category() != null) {
			statement = statement.bind("category", query.category());
		}
		return statement.map(ProductRepository::toProduct).all();
	}

	Mono<Set<Long>> findExistingIds(List<Long> ids) {
		return this.db.sql(ProductSql.EXISTING_IDS)
			.bind("ids", ids)
			.map((row) -> row.get("id", Long.class))
			.all()
			.collect(Collectors.toSet());
	}

	private static Product toProduct(Readable row) {
		return new Product(row.get("id", Long.class), row.get("sku", String.class), row.get("name", String.class),
				row.get("description", String.class), row.get("category", String.class),
				row.get("price_cents", Long.class), row.get("stock", Integer.class));
	}

}
