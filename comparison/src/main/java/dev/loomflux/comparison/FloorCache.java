package dev.loomflux.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.loomflux.domain.catalog.Product;
import dev.loomflux.domain.catalog.ProductSql;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a floor (floor-loom, floor-reactive: docs/comparison.md, "The floors") finds when
 * it starts: every product in Redis under its cache key, as the services cache it. A
 * floor serves the cached bytes and nothing else, so the harness fills the cache for it:
 * the fresh database migrated by the services' own scripts (shared-domain's
 * {@code db/migration}, with Flyway as the services run it), then each product read with
 * the services' own columns and written as the services write it (the shared
 * {@link Product} record through a default Jackson mapper, under
 * {@link Product#cacheKey}), without the services' expiry, as the floor only reads.
 */
final class FloorCache {

	/** Commands sent before their replies are read: Redis answers them in order. */
	private static final int PIPELINE = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FloorCache() {
	}

	/**
	 * Migrates the run's (fresh) database and writes every product into the run's
	 * (flushed) Redis index; how many products it wrote.
	 */
	static int fill(Settings settings) throws SQLException, IOException {
		Flyway.configure()
			.dataSource(settings.jdbcUrl(settings.database()), settings.pgUser(), settings.pgPassword())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		try (Connection connection = Storage.connect(settings);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(ProductSql.ALL);
				Socket redis = new Socket(settings.redisHost(), settings.redisPort())) {
			redis.setSoTimeout(10_000);
			OutputStream out = redis.getOutputStream();
			InputStream in = redis.getInputStream();
			send(out, in, Storage.command("SELECT", Integer.toString(settings.redisDatabase())), 1);
			ByteArrayOutputStream batch = new ByteArrayOutputStream();
			int inBatch = 0;
			int written = 0;
			while (rows.next()) {
				Product product = new Product(rows.getLong("id"), rows.getString("sku"), rows.getString("name"),
						rows.getString("description"), rows.getString("category"), rows.getLong("price_cents"),
						rows.getInt("stock"));
				batch.writeBytes(
						Storage.command("SET", Product.cacheKey(product.id()), JSON.writeValueAsString(product)));
				inBatch++;
				written++;
				if (inBatch == PIPELINE) {
					send(out, in, batch.toByteArray(), inBatch);
					batch.reset();
					inBatch = 0;
				}
			}
			if (inBatch > 0) {
				send(out, in, batch.toByteArray(), inBatch);
			}
			return written;
		}
	}

	/** Sends {@code commands} and reads their {@code count} replies, each {@code +OK}. */
	private static void send(OutputStream out, InputStream in, byte[] commands, int count) throws IOException {
		out.write(commands);
		out.flush();
		for (int reply = 0; reply < count; reply++) {
			String line = Storage.readLine(in);
			if (!line.equals("+OK")) {
				throw new IOException("Redis refused a floor's cache entry: " + line);
			}
		}
	}

}
