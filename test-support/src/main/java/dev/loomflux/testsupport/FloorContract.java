package dev.loomflux.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.loomflux.domain.catalog.Product;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What both floors (floor-loom, floor-reactive) must do, against the real Redis: answer a
 * cached product read with exactly the bytes the services cached, and a miss with 404.
 * Each floor's test extends it under
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class FloorContract {

	private static final long CACHED = 424_242;

	private static final long NOT_CACHED = 424_243;

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.get().registerProperties(registry);
	}

	@Test
	void shouldServeTheCachedJsonAsItIsAndAMissAsNotFound() throws Exception {
		String cached = "{\"id\":424242,\"name\":\"Floor lamp\",\"priceCents\":4999}";
		TestInfrastructure.get().redis().set(Product.cacheKey(CACHED), cached);
		TestInfrastructure.get().redis().del(Product.cacheKey(NOT_CACHED));

		HttpResponse<String> hit = get("/api/products/" + CACHED);
		HttpResponse<String> miss = get("/api/products/" + NOT_CACHED);

		assertThat(hit.statusCode()).isEqualTo(200);
		assertThat(hit.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(hit.body()).isEqualTo(cached);
		assertThat(miss.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
