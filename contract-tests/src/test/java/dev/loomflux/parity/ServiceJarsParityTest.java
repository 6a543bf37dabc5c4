package dev.loomflux.parity;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.TestInfrastructure;
import dev.loomflux.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services, started from their jars against the same PostgreSQL and Redis, answer
 * every request of the corpus identically: status, content type, {@code Allow}, and the
 * body byte for byte. Requests go to service-loom first, so product reads on
 * service-reactive are served from the cache entries service-loom wrote: the two share
 * the cache format too.
 */
class ServiceJarsParityTest {

	private static final Pattern CUSTOMER_PATH = Pattern.compile("^/api/customers/([1-9][0-9]{0,17})/");

	private static JarProcess loom;

	private static JarProcess reactive;

	@BeforeAll
	static void startBothServices() {
		Map<String, String> environment = new HashMap<>(TestInfrastructure.get().environment());
		environment.put("BFF_DOWNSTREAM_URL", DownstreamStub.get().url());
		loom = JarProcess.start("service-loom", environment);
		reactive = JarProcess.start("service-reactive", environment);
	}

	@AfterAll
	static void stopBothServices() {
		JarProcess.closeAll(loom, reactive);
	}

	static Stream<Arguments> corpus() {
		return Stream.of(
				// catalog
				get("/api/products/1"), get("/api/products/2"), get("/api/products/9999"), get("/api/products/10000"),
				get("/api/products"), get("/api/products?limit=100"), get("/api/products?category=books&limit=3"),
				get("/api/products?category=home&limit=5&after=40"), get("/api/products?after=9990"),
				get("/api/products?category=unicorns"),
				// insights: the kernel's output, its caps, unknown products
				get("/api/products/1/insights"), get("/api/products/2/insights?horizonDays=365&paths=20000"),
				get("/api/products/3/insights?horizonDays=1&paths=1"), get("/api/products/1/insights?paths=20001"),
				get("/api/products/1/insights?horizonDays=366&paths=0"), get("/api/products/10001/insights"),
				get("/api/products/abc/insights"), request("POST", "/api/products/1/insights", "{}", null),
				// price streams: only what is answered before a stream starts
				// (ticks carry the time)
				get("/api/prices/stream"), get("/api/prices/stream?ids=1,1"), get("/api/prices/stream?ids=1,10001"),
				// unknown resources and validation
				get("/api/products/10001"), get("/api/products/abc"), get("/api/products/0"), get("/api/products/-5"),
				get("/api/products/9223372036854775808"), get("/api/products/1.0"), get("/api/products?limit=0"),
				get("/api/products?limit=101&after=x&category=NO"), get("/api/products?limit=1&limit=2"),
				get("/api/nope"), get("/"), get("/api/products/1/"), get("/actuator/prometheus"),
				// methods, media types, sizes
				request("DELETE", "/api/products/1", null, null), request("POST", "/api/products", "{}", null),
				request("PUT", "/api/products/1", "{}", null), request("GET", "/api/products/1", null, "text/html"),
				request("GET", "/api/products/1", null, "application/xml"),
				request("POST", "/api/products", "{\"pad\":\"" + "x".repeat(70_000) + "\"}", null),
				// carts: setting a quantity twice leaves the same cart,
				// so both services may do it
				get("/api/customers/77/cart"), put("/api/customers/77/cart/items/5", "{\"quantity\":2}"),
				put("/api/customers/77/cart/items/9", "{\"quantity\":1}"), get("/api/customers/77/cart"),
				put("/api/customers/77/cart/items/9", "{\"quantity\":0}"), get("/api/customers/10001/cart"),
				put("/api/customers/10001/cart/items/5", "{\"quantity\":2}"),
				put("/api/customers/77/cart/items/10001", "{\"quantity\":2}"),
				put("/api/customers/77/cart/items/5", "{\"quantity\":101}"),
				put("/api/customers/77/cart/items/5", "{\"quantity\":\"2\"}"),
				put("/api/customers/77/cart/items/5", "{\"quantity\":2,\"note\":\"x\"}"),
				put("/api/customers/77/cart/items/5", "{\"quantity\":"), put("/api/customers/77/cart/items/5", ""),
				put("/api/customers/abc/cart/items/5", "{\"quantity\":2}"),
				request("PUT", "/api/customers/77/cart/items/5", "quantity=2", null, "text/plain"),
				request("DELETE", "/api/customers/77/cart", null, null),
				// the home page: the stub's answers are deterministic,
				// so the whole page must match
				get("/api/customers/77/home"), get("/api/customers/1/home"), get("/api/customers/9999/home"),
				get("/api/customers/10001/home"), get("/api/customers/x/home"),
				// orders: seeded ones (a placed order's id and time differ between the
				// jars, so successful POSTs are left to the contract tests)
				get("/api/orders/1"), get("/api/orders/50000"), get("/api/orders/50001"),
				get("/api/orders/9223372036854775807"), get("/api/orders/abc"), get("/api/orders/0"),
				request("DELETE", "/api/orders/1", null, null), request("GET", "/api/orders", null, null));
	}

	/**
	 * {@code POST /api/orders} requests that change nothing, so both jars can be asked
	 * the same: the key, the body and its content type.
	 */
	static Stream<Arguments> orderCorpus() {
		String order = "{\"customerId\":77,\"items\":[{\"productId\":5,\"quantity\":2}]}";
		return Stream.of(Arguments.of(null, order, "application/json"),
				Arguments.of("k".repeat(256), order, "application/json"),
				// a seeded order's key with another payload: seed order 3604 is
				// customer 77's (1 + 3604 x 7919 mod 10000), and keys are per customer
				Arguments.of("seed-3604", order, "application/json"),
				Arguments.of("parity-1", "{\"customerId\":10001,\"items\":[{\"productId\":5,\"quantity\":2}]}",
						"application/json"),
				Arguments.of("parity-2", "{\"customerId\":77,\"items\":[{\"productId\":10001,\"quantity\":2}]}",
						"application/json"),
				Arguments.of("parity-3",
						"{\"customerId\":0,\"items\":[{\"productId\":5,\"quantity\":101},"
								+ "{\"productId\":5,\"quantity\":1},{\"productId\":\"6\",\"quantity\":1}]}",
						"application/json"),
				Arguments.of("parity-4", "{\"customerId\":77,\"items\":[]}", "application/json"),
				Arguments.of("parity-5", "{\"customerId\":77,\"items\":[{\"productId\":5,\"quantity\":1,\"x\":1}]}",
						"application/json"),
				Arguments.of("parity-6", "{\"customerId\":77,\"items\":[", "application/json"),
				Arguments.of("parity-7", "", "application/json"), Arguments.of("parity-8", order, "text/plain"),
				Arguments.of("parity-9", "{\"pad\":\"" + "x".repeat(70_000) + "\"}", "application/json"));
	}

	/**
	 * Refusals by authentication and authorization, each with its exact token: no token,
	 * another customer's, a refused one (on a public path too), an order for another
	 * customer. Nothing changes: a refused PUT never reaches the cart.
	 */
	static Stream<Arguments> refusals() {
		Tokens tokens = Tokens.get();
		String other = tokens.customer(78);
		String expired = tokens.mint("sub=77&expiresIn=-600");
		String order = "{\"customerId\":77,\"items\":[{\"productId\":5,\"quantity\":2}]}";
		return Stream.of(Arguments.of("GET", "/api/customers/77/cart", null, null),
				Arguments.of("GET", "/api/customers/77/cart", null, other),
				Arguments.of("GET", "/api/customers/77/cart", null, expired),
				Arguments.of("PUT", "/api/customers/77/cart/items/5", "{\"quantity\":3}", null),
				Arguments.of("PUT", "/api/customers/77/cart/items/5", "{\"quantity\":3}", other),
				Arguments.of("GET", "/api/customers/77/home", null, other),
				Arguments.of("GET", "/api/customers/77/home", null, "not-a-jwt"),
				Arguments.of("GET", "/api/orders/1", null, null), Arguments.of("GET", "/api/orders/1", null, other),
				Arguments.of("GET", "/api/orders/1", null, tokens.forged(7920)),
				Arguments.of("POST", "/api/orders", order, null), Arguments.of("POST", "/api/orders", order, other),
				Arguments.of("GET", "/api/products/1", null, expired),
				Arguments.of("GET", "/api/customers/abc/cart", null, null));
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("corpus")
	void shouldAnswerIdentically(String method, String path, String body, String accept, String contentType) {
		Reply fromLoom = send(loom.api(), method, path, body, accept, contentType);
		Reply fromReactive = send(reactive.api(), method, path, body, accept, contentType);

		assertThat(fromReactive.status()).as("status").isEqualTo(fromLoom.status());
		assertThat(fromReactive.contentType()).as("content type").isEqualTo(fromLoom.contentType());
		assertThat(fromReactive.header("Allow")).as("Allow").isEqualTo(fromLoom.header("Allow"));
		assertThat(fromReactive.text()).as("body").isEqualTo(fromLoom.text());
		assertThat(fromReactive.body()).as("body bytes").isEqualTo(fromLoom.body());
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("refusals")
	void shouldRefuseIdentically(String method, String path, String body, String token) {
		Reply fromLoom = refused(loom.api(), method, path, body, token);
		Reply fromReactive = refused(reactive.api(), method, path, body, token);

		assertThat(fromLoom.status()).as("status %s", fromLoom).isIn(400, 401, 403, 404);
		assertThat(fromReactive.status()).as("status").isEqualTo(fromLoom.status());
		assertThat(fromReactive.contentType()).as("content type").isEqualTo(fromLoom.contentType());
		assertThat(fromReactive.header("WWW-Authenticate")).as("WWW-Authenticate")
			.isEqualTo(fromLoom.header("WWW-Authenticate"));
		assertThat(fromReactive.body()).as("body bytes").isEqualTo(fromLoom.body());
	}

	@ParameterizedTest(name = "POST /api/orders key={0} {2}")
	@MethodSource("orderCorpus")
	void shouldAnswerOrdersIdentically(String key, String body, String contentType) {
		// the orders are customer 77's
		Reply fromLoom = loom.api().send(order(loom.api().as(77), key, body, contentType));
		Reply fromReactive = reactive.api().send(order(reactive.api().as(77), key, body, contentType));

		assertThat(fromReactive.status()).as("status").isEqualTo(fromLoom.status());
		assertThat(fromReactive.contentType()).as("content type").isEqualTo(fromLoom.contentType());
		assertThat(fromReactive.text()).as("body").isEqualTo(fromLoom.text());
	}

	@Test
	void shouldShareCacheEntriesBetweenTheServices() {
		TestInfrastructure.get().redis().del("product:77");

		Reply fromLoom = loom.api().get("/api/products/77");
		String cachedByLoom = TestInfrastructure.get().redis().get("product:77");
		TestInfrastructure.get().redis().setex("product:77", 30, cachedByLoom.replace("\"stock\":", "\"stock\":1"));
		Reply fromReactive = reactive.api().get("/api/products/77");

		assertThat(cachedByLoom).isEqualTo(fromLoom.text());
		assertThat(fromReactive.text()).as("reactive read loom's (edited) entry")
			.isEqualTo(fromLoom.text().replace("\"stock\":", "\"stock\":1"));
		TestInfrastructure.get().redis().del("product:77");
	}

	private static Arguments get(String path) {
		return request("GET", path, null, null);
	}

	private static Arguments put(String path, String body) {
		return request("PUT", path, body, null);
	}

	private static Arguments request(String method, String path, String body, String accept) {
		return request(method, path, body, accept, "application/json");
	}

	private static Arguments request(String method, String path, String body, String accept, String contentType) {
		return Arguments.of(method, path, body, accept, contentType);
	}

	private static HttpRequest.Builder order(HttpApi api, String key, String body, String contentType) {
		HttpRequest.Builder request = api.request("/api/orders")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return (key != null) ? request.header("Idempotency-Key", key) : request;
	}

	private static Reply refused(HttpApi api, String method, String path, String body, String token) {
		HttpRequest.Builder request = ((token != null) ? api.withToken(token) : api).request(path)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json").header("Idempotency-Key", "refused-" + path.length());
		}
		return api.send(request);
	}

	/**
	 * The token a client sends for {@code path}: a customer's pages with that customer's
	 * token (customer 77's where the path names none that can have one); orders with the
	 * token of the seeded order 1's customer (7920), so order 1 is found and every other
	 * seeded order is another customer's (404).
	 */
	private static String tokenFor(String path) {
		Matcher customer = CUSTOMER_PATH.matcher(path);
		if (customer.find()) {
			return Tokens.forCustomer(Long.parseLong(customer.group(1)));
		}
		return path.startsWith("/api/orders") ? Tokens.forCustomer(7920) : null;
	}

	private static Reply send(HttpApi api, String method, String path, String body, String accept, String contentType) {
		String token = tokenFor(path);
		if (token != null) {
			api = api.withToken(token);
		}
		else if (path.startsWith("/api/customers/")) {
			api = api.as(77);
		}
		HttpRequest.Builder request = api.request(path)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		return api.send(request);
	}

}
