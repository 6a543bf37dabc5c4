package dev.loomflux.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.loomflux.launcher.ServiceProcess;
import dev.loomflux.launcher.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache a floor finds is the one the services make: for the same products,
 * {@link FloorCache} writes the very bytes service-loom writes on a cache miss, under the
 * same keys; and a floor started on it serves them. Real PostgreSQL and Redis, real jars.
 */
class FloorCacheTest {

	/** Its own database and Redis index: a comparison run may use the usual ones. */
	private static final Settings SETTINGS = new Settings(null, null, "127.0.0.1", 5432, "postgres", "",
			"loomflux_floor_cache_test", "127.0.0.1", 6379, 10, false);

	private static final List<Long> PRODUCTS = List.of(1L, 4242L, 10_000L);

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path folder;

	@Test
	void shouldWriteTheBytesServiceLoomCachesAndLetAFloorServeThem() throws Exception {
		Storage.recreateDatabase(SETTINGS);
		Storage.flushRedis(SETTINGS);
		try (ServiceProcess stub = JarsInTests.startStub(this.folder)) {
			Map<String, String> environment = JarsInTests.environment(SETTINGS, stub);
			Map<Long, String> cachedByTheService = new LinkedHashMap<>();
			try (ServiceProcess loom = start(Variant.LOOM, environment)) {
				for (long id : PRODUCTS) {
					// a miss: read from PostgreSQL, then written to the cache
					assertThat(get(loom, id).statusCode()).isEqualTo(200);
					cachedByTheService.put(id, awaitRedisGet("product:" + id));
				}
			}
			assertThat(cachedByTheService.values()).doesNotContainNull();
			Storage.flushRedis(SETTINGS);

			assertThat(FloorCache.fill(SETTINGS)).isEqualTo(10_000);

			for (long id : PRODUCTS) {
				assertThat(redisGet("product:" + id)).as("product %d", id).isEqualTo(cachedByTheService.get(id));
			}
			try (ServiceProcess floor = start(Variant.FLOOR_LOOM, environment)) {
				for (long id : PRODUCTS) {
					HttpResponse<String> answer = get(floor, id);
					assertThat(answer.statusCode()).isEqualTo(200);
					assertThat(answer.body()).isEqualTo(cachedByTheService.get(id));
				}
				assertThat(get(floor, 10_001).statusCode()).as("not in the cache").isEqualTo(404);
			}
		}
		finally {
			Storage.dropDatabase(SETTINGS);
			Storage.flushRedis(SETTINGS);
		}
	}

	@Test
	void shouldWriteEachArgumentOfARedisCommandWithItsLengthInBytes() {
		assertThat(new String(Storage.command("SET", "product:1", "{\"name\":\"Café\"}"), StandardCharsets.UTF_8))
			.isEqualTo("*3\r\n$3\r\nSET\r\n$9\r\nproduct:1\r\n$16\r\n{\"name\":\"Café\"}\r\n");
	}

	private ServiceProcess start(Variant variant, Map<String, String> environment) throws Exception {
		return JarsInTests.start(variant, environment, this.folder);
	}

	private HttpResponse<String> get(ServiceProcess service, long id) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/products/" + id))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The value, once the service has written it (it may write after answering). */
	private static String awaitRedisGet(String key) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String value = redisGet(key);
		while (value == null && System.nanoTime() < deadline) {
			Thread.sleep(50);
			value = redisGet(key);
		}
		return value;
	}

	/** GET in Redis's wire protocol: the value as text, null if absent. */
	private static String redisGet(String key) throws IOException {
		try (Socket socket = new Socket(SETTINGS.redisHost(), SETTINGS.redisPort())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(Storage.command("SELECT", Integer.toString(SETTINGS.redisDatabase())));
			socket.getOutputStream().write(Storage.command("GET", key));
			InputStream in = socket.getInputStream();
			assertThat(Storage.readLine(in)).isEqualTo("+OK");
			String header = Storage.readLine(in);
			if (header.equals("$-1")) {
				return null;
			}
			byte[] value = in.readNBytes(Integer.parseInt(header.substring(1)));
			return new String(value, StandardCharsets.UTF_8);
		}
	}

}
