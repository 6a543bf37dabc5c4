package dev.loomflux.bff.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductQuery;
import dev.loomflux.domain.catalog.ProductSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products in PostgreSQL over JDBC; the statements are shared-domain's
 * {@link ProductSql}.
 */
@Repository
class ProductRepository {

	private final JdbcClient jdbc;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Product> findById(long id) {
		return this.jdbc.sql(ProductSql.FIND_BY_ID).param("id", id).query(ProductRepository::toProduct).optional();
	}

	List<Product> findByIds(Collection<Long> ids) {
		return this.jdbc.sql(ProductSql.FIND_BY_IDS).param("ids", ids).query(ProductRepository::toProduct).list();
	}

	/**
	 * Up to {@code limit + 1} products after the cursor, in id order (see
	 * {@code ProductPage.of}).
	 */
	List<Product> findPage(ProductQuery query) {
		return this.jdbc.sql(ProductSql.page(query))
			.param("category", query.category())
			.param("after", query.afterId())
			.param("limit", query.limit() + 1)
			.query(ProductRepository::toProduct)
			.list();
	}

	Set<Long> findExistingIds(List<Long> ids) {
		return this.jdbc.sql(ProductSql.EXISTING_IDS).param("ids", ids).query(Long.class).set();
	}

	private static Product toProduct(ResultSet row, int rowNumber) throws SQLException {
		return new Product(row.getLong("id"), row.getString("sku"), row.getString("name"), row.getString("description"),
				row.getString("category"), row.getLong("price_cents"), row.getInt("stock"));
	}

}
