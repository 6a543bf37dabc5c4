package dev.loomflux.parity;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.loomflux.parity.RawHttp.Answer;
import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.SseClient;
import dev.loomflux.testsupport.TestInfrastructure;
import dev.loomflux.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile-input battery: over 200 malformed or hostile requests, written byte by byte
 * so that nothing is cleaned up on the way (oversized bodies and headers, deep JSON,
 * wrong types, overflowing numbers, unicode edge cases, SQL metacharacters, path
 * traversal, huge limits and paths, repeated query parameters, broken percent-encoding,
 * odd methods), sent to both services started from their jars. Each gets the same status
 * and, for an error, the same problem {@code code} from both, and never a 5xx; afterwards
 * the database and the carts are as they were.
 * <p>
 * And slow clients: a valid body dripped a few bytes at a time, each pause well within
 * the body read timeout, gets the normal answer; a body that stalls (fewer bytes than
 * promised, or a chunked body without its last chunk, then silence) gets 408
 * {@code REQUEST_TIMEOUT} from both once {@code bff.http.read-timeout} (2 s here) passes
 * without a byte, the connection closed, and no request is left in flight. A connection
 * waiting for a request (new with nothing on it, with half a head and then silence:
 * slowloris, or kept alive after an answer) is closed by both without a byte once the
 * same time passes; a price stream, whose client sends nothing after its head, is not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputParityTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The only customer whose cart the battery writes to, always for unknown products.
	 */
	private static final long CUSTOMER = 78;

	/** Short, so that stalled requests are answered soon; each drip pauses far less. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

	/** How long a connection may stay open before the test gives up on its close. */
	private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration DRIP_PAUSE = Duration.ofMillis(100);

	private static JarProcess loom;

	private static JarProcess reactive;

	private static Map<String, String> before;

	@BeforeAll
	static void startBothServices() throws SQLException {
		Map<String, String> environment = new HashMap<>(TestInfrastructure.get().environment());
		environment.put("BFF_DOWNSTREAM_URL", DownstreamStub.get().url());
		environment.put("BFF_HTTP_READTIMEOUT", READ_TIMEOUT.toMillis() + "ms");
		// so that the log shows the gone clients the handler recognised
		environment.put("SPRING_APPLICATION_JSON",
				"{\"logging.level.dev.loomflux.bff.system.ApiExceptionHandler\":\"DEBUG\"}");
		loom = JarProcess.start("service-loom", environment);
		reactive = JarProcess.start("service-reactive", environment);
		TestInfrastructure.get().redis().hset("cart:" + CUSTOMER, Map.of("5", "2", "9", "1"));
		before = data();
	}

	@AfterAll
	static void stopBothServices() {
		JarProcess.closeAll(loom, reactive);
	}

	static Stream<Arguments> battery() {
		List<Arguments> cases = new ArrayList<>();
		ids(cases);
		queries(cases);
		paths(cases);
		headers(cases);
		bodies(cases);
		methods(cases);
		tokens(cases);
		return cases.stream();
	}

	/** Hostile values in every path variable. */
	private static void ids(List<Arguments> cases) {
		List<String> ids = List.of("0", "-1", "+1", "00001", "1.0", "1e3", "0x10", "9223372036854775807",
				"9223372036854775808", "-9223372036854775808", "99999999999999999999999999", "%201", "1%20", "%09",
				"%27%20OR%20%271%27%3D%271", "1%3BDROP%20TABLE%20products", "1%27--", "%2e%2e", "%2e%2e%2f",
				"..%2f..%2factuator", "%00", "1%00", "%zz", "%", "1%2", "%C3%28", "%C0%AF", "%ED%A0%80", "%EF%BB%BF1",
				"%EF%BC%91", "%D9%A1", "%E2%80%8F1", "%F0%9F%98%80", "1%0D%0AX-Injected:%20yes",
				"%24%7Bjndi:ldap://x%7D", "1 1", "1|2", "{id}", "1\\", "caf\u00e9");
		for (String id : ids) {
			cases.add(get("/api/products/" + id));
			cases.add(get("/api/products/" + id + "/insights"));
			cases.add(get("/api/customers/" + id + "/cart"));
			cases.add(get("/api/customers/" + id + "/home"));
			cases.add(get("/api/orders/" + id));
			// an unknown product, so a customer id read leniently still changes nothing
			cases.add(put("/api/customers/" + id + "/cart/items/10001", "{\"quantity\":1}"));
		}
	}

	/** Hostile, huge and repeated query parameters. */
	private static void queries(List<Arguments> cases) {
		List<String> numbers = List.of("", "0", "-1", "101", "1.5", "1e2", "abc", "2147483648", "99999999999999999999",
				"%00", "1,2", "%zz", "%C3%28", "%EF%BC%91", "1%20OR%201%3D1", "%27");
		for (String number : numbers) {
			cases.add(get("/api/products?limit=" + number));
			cases.add(get("/api/products?after=" + number));
			cases.add(get("/api/products/1/insights?paths=" + number));
			cases.add(get("/api/products/1/insights?horizonDays=" + number));
		}
		List<String> categories = List.of("books%27--", "books%27%3B%20DROP%20TABLE%20products%3B--", "%25", "books%00",
				"%E2%80%AEskoob", "%F0%9F%93%9A", "a".repeat(6000), "BOOKS", "books%20", "%3Cscript%3E",
				"%24%7Bjndi:ldap://x%7D", "books;", "books&category=toys");
		for (String category : categories) {
			cases.add(get("/api/products?category=" + category));
		}
		cases.add(get("/api/products?limit=1&limit=2"));
		cases.add(get("/api/products?limit=1&limit=x"));
		cases.add(get("/api/products?after=1&after=2"));
		cases.add(get("/api/products?" + "limit=1&".repeat(500)));
		cases.add(get("/api/products?"
				+ IntStream.range(0, 500).mapToObj((i) -> "p" + i + "=1").reduce((a, b) -> a + "&" + b).orElseThrow()));
		cases.add(get("/api/products?limit"));
		cases.add(get("/api/products?=1"));
		cases.add(get("/api/products?&&&"));
		cases.add(get("/api/products/1/insights?paths=20000&paths=20001"));
		cases.add(get("/api/products/1/insights?paths=1&horizonDays=1&horizonDays=366"));
		cases.add(get("/api/products/1?x=%zz"));
		cases.add(get("/api/products/1?=1"));
		cases.add(get("/api/products/1?x"));
		cases.add(get("/api/products?limit=5&x=%C3%28"));
		cases.add(get("/api/prices/stream?ids=0"));
		cases.add(get("/api/prices/stream?ids=abc"));
		cases.add(get("/api/prices/stream?ids=1,,2"));
		cases.add(get("/api/prices/stream?ids=-1"));
		cases.add(get("/api/prices/stream?ids=%zz"));
		cases.add(get("/api/prices/stream?ids=1,abc"));
		cases.add(get("/api/prices/stream?ids=9223372036854775808"));
		cases.add(get("/api/prices/stream?ids=" + IntStream.rangeClosed(1, 51)
			.mapToObj(Integer::toString)
			.reduce((a, b) -> a + "," + b)
			.orElseThrow()));
	}

	/** Traversal, encoded separators, oversized and odd targets. */
	private static void paths(List<Arguments> cases) {
		List<String> targets = List.of("/api/../actuator/health", "/api/products/../../actuator/env",
				"/api/%2e%2e/actuator/health", "/api/products/1/..;/2", "/..;/actuator/health", "/api/products/1%2f2",
				"/api/products/1%5c2", "/%2e%2e/%2e%2e/etc/passwd", "/api/products/../../../../etc/passwd",
				"//api/products/1", "/api//products/1", "/api/products/1;jsessionid=x", "/api/products/1;a=b/insights",
				"/actuator/env", "/actuator/heapdump", "/actuator/prometheus", "/actuator/health/../env",
				"/api/products/1?/../../actuator", "/api/products/1#fragment", "/api/products/1/%0A",
				"/api/products/" + "1/".repeat(2000), "/api/" + "a".repeat(6000), "/api/" + "a".repeat(20_000),
				"/api/products?category=" + "a".repeat(20_000), "*", "http://localhost/api/products/1",
				"/api/products/1\u00a0", "/api/products/<script>", "/api/products/\"1\"", "/api/products/1^",
				"/api/products/`1`", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/api/products/1.json",
				"/API/PRODUCTS/1");
		for (String target : targets) {
			cases.add(get(target));
		}
	}

	/** Oversized, numerous and odd headers. */
	private static void headers(List<Arguments> cases) {
		cases.add(request("GET", "/api/products/1", "X-Big: " + "a".repeat(20_000) + "\r\n", null));
		cases.add(request("GET", "/api/products/1", "X-Big: " + "a".repeat(8_000) + "\r\n", null));
		cases.add(request("GET", "/api/products/1", manyHeaders(150), null));
		cases.add(request("GET", "/api/products/1", manyHeaders(50), null));
		cases.add(request("GET", "/api/products/1", "Accept: */*;q=abc\r\n", null));
		cases.add(request("GET", "/api/products/1", "Accept: application/json;q=0\r\n", null));
		cases.add(request("GET", "/api/products/1", "Accept: " + "text/html,".repeat(500) + "\r\n", null));
		cases.add(request("GET", "/api/products/1", "Accept: \u00e9\r\n", null));
		cases.add(request("GET", "/api/products/1", "Accept-Language: ' OR 1=1--\r\n", null));
		cases.add(request("GET", "/api/products/1", "X-Forwarded-For: ' OR 1=1--\r\n", null));
		cases.add(request("GET", "/api/products/1", "Cookie: " + "a=b; ".repeat(1000) + "\r\n", null));
		cases.add(request("GET", "/api/products/1", "Range: bytes=0-1\r\n", null));
		cases.add(request("GET", "/api/products/1", "If-None-Match: *\r\n", null));
		cases.add(request("PUT", cart(10001), "Content-Type: application/json;charset=ebcdic\r\n", "{\"quantity\":1}"));
		cases.add(request("PUT", cart(10001), "Content-Type: application/xml\r\n", "<quantity>1</quantity>"));
		cases.add(request("PUT", cart(10001), "Content-Type: \r\n", "{\"quantity\":1}"));
		cases.add(request("PUT", cart(10001), "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
				"{\"quantity\":1}"));
		cases.add(request("POST", "/api/orders", "Content-Type: application/json\r\nIdempotency-Key: caf\u00e9\r\n",
				order(10001)));
		cases.add(request("POST", "/api/orders", "Content-Type: application/json\r\nIdempotency-Key: \r\n",
				order(10001)));
		cases.add(request("POST", "/api/orders",
				"Content-Type: application/json\r\nIdempotency-Key: a\r\nIdempotency-Key: b\r\n", order(10001)));
		cases.add(request("POST", "/api/orders",
				"Content-Type: application/json\r\nIdempotency-Key: ' OR 1=1; DROP TABLE orders;--\r\n", order(10001)));
		cases.add(request("POST", "/api/orders",
				"Content-Type: application/json\r\nIdempotency-Key: " + "k".repeat(5000) + "\r\n", order(10001)));
	}

	/** Hostile JSON bodies, for the cart and for orders. */
	private static void bodies(List<Arguments> cases) {
		List<String> quantities = List.of("\"1\"", "true", "null", "[]", "{}", "1.5", "1.0", "1e2", "-0", "-1", "101",
				"1E400", "99999999999999999999999", "2147483648", "NaN", "Infinity", "0x1", "01", "+1", "\"\\u0000\"",
				"\"\\uD800\"");
		for (String quantity : quantities) {
			cases.add(put(cart(10001), "{\"quantity\":" + quantity + "}"));
		}
		List<String> bodies = List.of("", " ", "null", "[]", "0", "true", "\"\"", "{", "}", "{\"quantity\":1",
				"{\"quantity\":1}}", "{\"quantity\":1,\"quantity\":2}", "{\"Quantity\":1}", "{\"quantity\":1,\"x\":1}",
				"{\"quantity\":1}\u0000", "\ufeff{\"quantity\":1}", "{\"quant\u0000ity\":1}", "{'quantity':1}",
				"{quantity:1}", "{\"quantity\":1,}", "/*x*/{\"quantity\":1}", "[".repeat(10_000) + "]".repeat(10_000),
				"{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
				"{\"quantity\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}",
				"{\"quantity\":\"" + "\\ud83d\\ude00".repeat(100) + "\"}");
		for (String body : bodies) {
			cases.add(put(cart(10001), body));
		}
		cases.add(bytes("PUT", cart(10001), "Content-Type: application/json\r\n",
				new byte[] { '{', '"', 'q', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }));
		cases.add(bytes("PUT", cart(10001), "Content-Type: application/json\r\n",
				new byte[] { '{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}' }));
		List<String> orders = List.of("{\"customerId\":\"78\",\"items\":[{\"productId\":10001,\"quantity\":1}]}",
				"{\"customerId\":9223372036854775808,\"items\":[{\"productId\":10001,\"quantity\":1}]}",
				"{\"customerId\":78,\"items\":[{\"productId\":10001,\"quantity\":1}],\"customerId\":1}",
				"{\"customerId\":78,\"items\":{\"productId\":10001,\"quantity\":1}}",
				"{\"customerId\":78,\"items\":[null]}", "{\"customerId\":78,\"items\":null}",
				"{\"customerId\":78,\"items\":[{\"productId\":\"1; DROP TABLE orders\",\"quantity\":1}]}",
				"{\"customerId\":78,\"items\":[{\"productId\":10001,\"quantity\":1E400}]}",
				"{\"customerId\":78,\"items\":[" + "{\"productId\":10001,\"quantity\":1},".repeat(60)
						+ "{\"productId\":10001,\"quantity\":1}]}",
				"{\"customerId\":78,\"items\":[" + IntStream.range(0, 60)
					.mapToObj((i) -> "{\"productId\":" + (10001 + i) + ",\"quantity\":1}")
					.reduce((a, b) -> a + "," + b)
					.orElseThrow() + "]}",
				"{\"customerId\":78,\"items\":[{\"productId\":10001,\"quantity\":1}],\"total\":-5}",
				"[".repeat(10_000) + "]".repeat(10_000), "null", order(10001));
		int key = 0;
		for (String order : orders) {
			cases.add(request("POST", "/api/orders",
					"Content-Type: application/json\r\nIdempotency-Key: hostile-" + (key++) + "\r\n", order));
		}
	}

	/**
	 * Hostile bearer tokens and Authorization headers, on a customer's own cart, home
	 * page and orders and on a public product read (a token sent there is checked too):
	 * every one is 401 INVALID_TOKEN (or 403 for a valid token of another customer or of
	 * no customer), never a 5xx, and changes nothing.
	 */
	private static void tokens(List<Arguments> cases) {
		Tokens tokens = Tokens.get();
		String valid = tokens.customer(CUSTOMER);
		String[] parts = valid.split("\\.");
		List<String> authorizations = List.of("Bearer " + tokens.forged(CUSTOMER),
				"Bearer " + Tokens.unsigned(CUSTOMER),
				// the header and claims of a valid token, its signature dropped
				"Bearer " + parts[0] + "." + parts[1] + ".", "Bearer " + parts[0] + "." + parts[1],
				"Bearer " + tokens.mint("sub=" + CUSTOMER + "&iss=https://evil.example"),
				"Bearer " + tokens.mint("sub=" + CUSTOMER + "&aud=someone-else"),
				"Bearer " + tokens.mint("sub=" + CUSTOMER + "&expiresIn=-600"),
				"Bearer " + tokens.mint("sub=" + CUSTOMER + "&notBefore=600"),
				"Bearer " + tokens.customer(CUSTOMER + 1), "Bearer " + tokens.mint("sub=0"),
				"Bearer " + tokens.mint("sub=0078"), "Bearer " + tokens.mint("sub=78%20"),
				"Bearer " + tokens.mint("sub=admin"), "Bearer " + tokens.mint("sub=9223372036854775808"), "Bearer",
				"Bearer ", "Bearer  " + valid, "Bearer " + valid + " x", "Bearer " + valid + "x",
				"Bearer " + valid + ".x", "Bearer abc.def.ghi", "Bearer %00", "Bearer " + "a".repeat(10_000),
				"Basic dXNlcjpwYXNz", "Token " + valid, "DPoP " + valid, "bearer " + valid, valid, "Bearer \u00e9");
		for (String authorization : authorizations) {
			String header = "Authorization: " + authorization + "\r\n";
			cases.add(request("GET", "/api/customers/" + CUSTOMER + "/cart", header, null));
			cases.add(request("GET", "/api/customers/" + CUSTOMER + "/home", header, null));
			cases.add(request("PUT", cart(10001), header + "Content-Type: application/json\r\n", "{\"quantity\":1}"));
			cases.add(request("POST", "/api/orders",
					header + "Content-Type: application/json\r\nIdempotency-Key: token-" + cases.size() + "\r\n",
					order(10001)));
			cases.add(request("GET", "/api/orders/1", header, null));
			cases.add(request("GET", "/api/products/1", header, null));
		}
		cases.add(request("GET", "/api/customers/" + CUSTOMER + "/cart",
				"Authorization: Bearer " + valid + "\r\nAuthorization: Bearer " + Tokens.unsigned(CUSTOMER) + "\r\n",
				null));
	}

	/** Methods no route has, or that the API does not serve. */
	private static void methods(List<Arguments> cases) {
		for (String method : List.of("TRACE", "PATCH", "DELETE", "FOO", "get")) {
			cases.add(request(method, "/api/products/1", "", null));
		}
		cases.add(request("POST", "/api/products/1", "Content-Type: application/json\r\n", "{}"));
		cases.add(request("PUT", "/api/orders/1", "Content-Type: application/json\r\n", "{}"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("battery")
	@Order(1)
	void shouldAnswerHostileInputAlikeWithoutA5xx(String description, byte[] request) {
		Answer fromLoom = new RawHttp(loom.url()).send(request);
		Answer fromReactive = new RawHttp(reactive.url()).send(request);

		assertThat(fromLoom.status()).as("loom status, %s", fromLoom).isLessThan(500);
		assertThat(fromReactive.status()).as("reactive status: %s, loom: %s", fromReactive, fromLoom)
			.isEqualTo(fromLoom.status());
		assertThat(contentType(fromReactive)).as("content type").isEqualTo(contentType(fromLoom));
		assertThat(code(fromReactive)).as("code: reactive %s, loom %s", fromReactive, fromLoom)
			.isEqualTo(code(fromLoom));
		for (Answer answer : List.of(fromLoom, fromReactive)) {
			assertThat(answer.header("X-Content-Type-Options")).as("nosniff: %s", answer).isEqualTo("nosniff");
			assertThat(answer.header("Cache-Control")).as("no-store: %s", answer).isEqualTo("no-store");
			assertThat(answer.header("Server")).as("no Server header: %s", answer).isNull();
		}
		if (fromLoom.status() >= 400) {
			assertThat(contentType(fromLoom)).as("an error is a problem detail: %s", fromLoom)
				.isEqualTo("application/problem+json");
		}
	}

	/**
	 * Valid requests whose bodies arrive a few bytes at a time. Product 5 is already in
	 * the cart with quantity 2, so setting it again changes nothing.
	 */
	static Stream<Arguments> slowBodies() {
		String quantity = "{\"quantity\":2}";
		return Stream.of(
				Arguments.of("PUT cart, 2 bytes at a time",
						dripped(head("PUT", cart(5), "Content-Length: " + quantity.length()), quantity, 2)),
				Arguments.of("PUT cart, chunked, 3 bytes a chunk",
						chunked(head("PUT", cart(5), "Transfer-Encoding: chunked"), quantity, 3)),
				Arguments.of("POST order of an unknown product, 8 bytes at a time",
						dripped(head("POST", "/api/orders",
								"Idempotency-Key: slow-1\r\nContent-Length: " + order(10001).length()), order(10001),
								8)));
	}

	/**
	 * Requests whose bodies stop arriving, with what both services answer once the body
	 * read timeout passes (or at once, for a request that needs no body).
	 */
	static Stream<Arguments> stalledBodies() {
		return Stream.of(
				Arguments.of("PUT cart, 6 of 14 bytes", head("PUT", cart(5), "Content-Length: 14") + "{\"quan", 408,
						"REQUEST_TIMEOUT"),
				Arguments.of("PUT cart, chunked, no last chunk",
						head("PUT", cart(5), "Transfer-Encoding: chunked") + "5\r\n{\"qua\r\n", 408, "REQUEST_TIMEOUT"),
				Arguments.of("PUT cart, headers only", head("PUT", cart(5), "Content-Length: 14"), 408,
						"REQUEST_TIMEOUT"),
				Arguments.of("POST order, 17 of 80 bytes",
						head("POST", "/api/orders", "Idempotency-Key: stalled-1\r\nContent-Length: 80")
								+ "{\"customerId\":78,",
						408, "REQUEST_TIMEOUT"),
				Arguments.of("POST where no body is read (405), 4 of 20 bytes",
						head("POST", "/api/products/1", "Content-Length: 20") + "{\"a\"", 405, "METHOD_NOT_ALLOWED"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("slowBodies")
	@Order(1)
	void shouldAnswerASlowBodyNormally(String description, List<byte[]> pieces) {
		Answer fromLoom = new RawHttp(loom.url()).sendInPieces(pieces, DRIP_PAUSE);
		Answer fromReactive = new RawHttp(reactive.url()).sendInPieces(pieces, DRIP_PAUSE);

		assertThat(fromLoom.status()).as("loom: %s", fromLoom).isLessThan(500).isNotEqualTo(408);
		assertThat(fromReactive.status()).as("reactive: %s, loom: %s", fromReactive, fromLoom)
			.isEqualTo(fromLoom.status());
		assertThat(fromReactive.body()).as("body").isEqualTo(fromLoom.body());
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("stalledBodies")
	@Order(1)
	void shouldAnswerAStalledBodyAlikeAndLeaveNoRequestInFlight(String description, String request, int status,
			String code) throws Exception {
		byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
		Answer fromLoom;
		Answer fromReactive;
		// both at once: each waits for its timeout
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Answer> loomAnswer = executor
				.submit(() -> new RawHttp(loom.url()).sendInPieces(List.of(bytes), DRIP_PAUSE));
			Future<Answer> reactiveAnswer = executor
				.submit(() -> new RawHttp(reactive.url()).sendInPieces(List.of(bytes), DRIP_PAUSE));
			fromLoom = loomAnswer.get();
			fromReactive = reactiveAnswer.get();
		}

		for (Answer answer : List.of(fromLoom, fromReactive)) {
			assertThat(answer.status()).as("%s", answer).isEqualTo(status);
			assertThat(contentType(answer)).as("%s", answer).isEqualTo("application/problem+json");
			assertThat(code(answer)).as("%s", answer).isEqualTo(code);
			assertThat(answer.header("X-Content-Type-Options")).as("nosniff: %s", answer).isEqualTo("nosniff");
		}
		// no request thread (loom) or handler (reactive) left waiting for the body
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(List.of(requestsWithBodiesInFlight(loom), requestsWithBodiesInFlight(reactive)))
						.containsOnly(0.0));
	}

	/**
	 * A client that hangs up in the middle of its body, with a reset or a plain close: no
	 * answer is owed, and it is no failure of the service, so neither logs an error
	 * (until this was fixed, service-reactive logged "Unexpected failure" for the
	 * {@code AbortedException}, and Reactor "Operator called default onErrorDropped" for
	 * a reset). Each logs the gone client at debug instead, which shows the hang-ups
	 * reached the handler.
	 */
	@ParameterizedTest(name = "[{index}] reset={0}")
	@ValueSource(booleans = { true, false })
	@Order(1)
	void shouldTreatAClientThatHangsUpMidBodyAsGone(boolean reset) throws Exception {
		byte[] halfSent = (head("PUT", cart(5), "Content-Length: 14") + "{\"quan").getBytes(StandardCharsets.UTF_8);
		for (JarProcess service : List.of(loom, reactive)) {
			long goneBefore = clientsGone(service);
			try (Socket socket = new Socket("localhost", service.port())) {
				if (reset) {
					socket.setSoLinger(true, 0);
				}
				socket.getOutputStream().write(halfSent);
				socket.getOutputStream().flush();
				// the request has reached the handler,
				// which waits for the rest of the body
				await().atMost(Duration.ofSeconds(10)).until(() -> requestsWithBodiesInFlight(service) > 0);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> clientsGone(service) > goneBefore);
			assertThat(service.log().lines().filter((line) -> line.contains(" ERROR ")))
				.as("%s logged no error", service.name())
				.isEmpty();
		}
	}

	/**
	 * A client that opens a connection and sends nothing, or half a request head and then
	 * nothing (slowloris), is owed no answer, but must not hold the connection for as
	 * long as it likes: both close it without a byte once the read timeout passes
	 * (Tomcat's {@code connection-timeout} in service-loom, Reactor Netty's
	 * {@code idle-timeout} in service-reactive, which had kept such a connection open for
	 * as long as its client did).
	 */
	@ParameterizedTest(name = "[{index}] \"{0}\"")
	@ValueSource(strings = { "", "GET /api/products/1 HTTP/1.1\r\nHost: localhost\r\nAccept: appl" })
	@Order(1)
	void shouldCloseAStalledRequestHeadWithoutAByte(String halfAHead) throws Exception {
		byte[] request = halfAHead.getBytes(StandardCharsets.UTF_8);
		List<Closed> closed = onBothAtOnce((service) -> untilClosed(service, request));

		for (Closed connection : closed) {
			assertThat(connection.answer()).as("%s: bytes answered", connection).isEmpty();
			// not at once: the client had the whole read timeout to go on
			assertThat(connection.after()).as("%s", connection).isGreaterThan(READ_TIMEOUT.dividedBy(2));
		}
	}

	/**
	 * A kept-alive connection on which no next request comes is closed by both, with
	 * nothing after the answer, once the read timeout passes (Tomcat's
	 * {@code keep-alive-timeout}, Reactor Netty's {@code idle-timeout}).
	 */
	@Test
	@Order(1)
	void shouldCloseAnIdleKeptAliveConnectionAlike() throws Exception {
		byte[] request = "GET /api/products/1 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n"
			.getBytes(StandardCharsets.UTF_8);
		List<Closed> closed = onBothAtOnce((service) -> untilClosed(service, request));

		Answer fromLoom = Answer.parse(closed.get(0).answer());
		Answer fromReactive = Answer.parse(closed.get(1).answer());
		assertThat(fromLoom.status()).as("loom: %s", fromLoom).isEqualTo(200);
		assertThat(fromReactive.status()).as("reactive: %s", fromReactive).isEqualTo(200);
		// nothing after the answer (it would be part of the body)
		assertThat(fromReactive.body()).as("body").isEqualTo(fromLoom.body());
		for (Closed connection : closed) {
			assertThat(connection.after()).as("%s", connection).isGreaterThan(READ_TIMEOUT.dividedBy(2));
		}
	}

	/**
	 * A price stream's client sends nothing after its head, for as long as the stream
	 * lasts: the read timeout must not end the stream while its client stays, and the
	 * stream must end when its client leaves (the open-streams gauge of each service back
	 * to 0). With Reactor Netty's idle-timeout set, a stream once seemed to outlive its
	 * client; that was BlockHound's doing, in the tests ({@code
	 * ReactorTimerBlockHoundIntegration}).
	 */
	@Test
	@Order(1)
	void shouldKeepAPriceStreamPastTheReadTimeoutAndEndItWithItsClient() throws Exception {
		List<SseClient> clients = new ArrayList<>();
		try {
			for (JarProcess service : List.of(loom, reactive)) {
				for (int i = 0; i < 4; i++) {
					clients.add(SseClient.open(service.port(), "/api/prices/stream?ids=1," + (2 + i)));
				}
			}
			clients.forEach((client) -> client.read(1, SOCKET_TIMEOUT));
			// events for over twice the read timeout, without a byte from the client
			int events = (int) READ_TIMEOUT.multipliedBy(2).plusSeconds(1).toSeconds() * 2;
			clients.forEach(
					(client) -> assertThat(client.read(events, SOCKET_TIMEOUT)).as("price events past the read timeout")
						.hasSize(events));
			assertThat(List.of(openPriceStreams(loom), openPriceStreams(reactive))).containsOnly(4.0);
		}
		finally {
			clients.forEach(SseClient::close);
		}

		await().atMost(SOCKET_TIMEOUT)
			.untilAsserted(
					() -> assertThat(List.of(openPriceStreams(loom), openPriceStreams(reactive))).containsOnly(0.0));
	}

	@Test
	@Order(2)
	void shouldHaveChangedNoData() throws SQLException {
		assertThat(data()).isEqualTo(before);
	}

	/** What the battery must not change: stock, orders, their lines, and the carts. */
	private static Map<String, String> data() throws SQLException {
		Map<String, String> data = new TreeMap<>();
		try (Connection connection = TestInfrastructure.get().openConnection();
				Statement statement = connection.createStatement()) {
			for (String query : List.of("select count(*), sum(stock), sum(version) from products",
					"select count(*), coalesce(sum(total_cents), 0) from orders",
					"select count(*), coalesce(sum(quantity), 0) from order_items", "select count(*) from customers")) {
				try (ResultSet result = statement.executeQuery(query)) {
					result.next();
					StringBuilder row = new StringBuilder();
					for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
						row.append(result.getString(i)).append(' ');
					}
					data.put(query, row.toString());
				}
			}
		}
		for (String key : TestInfrastructure.get().redis().keys("cart:*")) {
			data.put(key, new TreeMap<>(TestInfrastructure.get().redis().hgetall(key)).toString());
		}
		return data;
	}

	/**
	 * Requests other than GETs in flight, from Micrometer's {@code http.server.requests}
	 * long-task timer (the scrape itself is a GET).
	 */
	private static double requestsWithBodiesInFlight(JarProcess jar) {
		String metrics = HttpApi.onPort(jar.managementPort()).get("/actuator/prometheus").text();
		return metrics.lines()
			.filter((line) -> line.startsWith("http_server_requests_active_seconds_gcount{"))
			.filter((line) -> !line.contains("method=\"GET\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/**
	 * {@code work} on both services at once, as each waits for its timeout: loom's first.
	 */
	private static <T> List<T> onBothAtOnce(ServiceCall<T> work) throws Exception {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<T> fromLoom = executor.submit(() -> work.call(loom));
			Future<T> fromReactive = executor.submit(() -> work.call(reactive));
			return List.of(fromLoom.get(), fromReactive.get());
		}
	}

	/**
	 * Sends {@code request} (possibly a part of one, possibly nothing), then reads until
	 * the server closes; fails if it keeps the connection open for the socket timeout,
	 * many times the services' read timeout.
	 */
	private static Closed untilClosed(JarProcess service, byte[] request) throws IOException {
		try (Socket socket = new Socket("localhost", service.port())) {
			socket.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
			long start = System.nanoTime();
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			byte[] answer = socket.getInputStream().readAllBytes();
			return new Closed(service.name(), answer, Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/** The open streams of the {@code bff.prices.open.streams} gauge. */
	private static double openPriceStreams(JarProcess jar) {
		String metrics = HttpApi.onPort(jar.managementPort()).get("/actuator/prometheus").text();
		return metrics.lines()
			.filter((line) -> line.startsWith("bff_prices_open_streams{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** The clients its {@code ApiExceptionHandler} found gone (logged at debug). */
	private static long clientsGone(JarProcess service) {
		return service.log()
			.lines()
			.filter((line) -> line.contains("ApiExceptionHandler") && line.contains("Client gone during"))
			.count();
	}

	private static String head(String method, String target, String headers) {
		return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\n" + authorization(target, "") + headers + "\r\n\r\n";
	}

	/**
	 * The battery acts as customer {@link #CUSTOMER}: a request to a customer's path
	 * carries that customer's valid token (unless the case brings its own), so that what
	 * is hostile about it reaches the checks behind authentication.
	 */
	private static String authorization(String target, String headers) {
		boolean customerPath = target.startsWith("/api/customers/") || target.startsWith("/api/orders");
		if (!customerPath || headers.contains("Authorization:")) {
			return "";
		}
		return "Authorization: Bearer " + Tokens.forCustomer(CUSTOMER) + "\r\n";
	}

	/** The head at once, then the body {@code size} bytes at a time. */
	private static List<byte[]> dripped(String head, String body, int size) {
		List<byte[]> pieces = new ArrayList<>();
		pieces.add(head.getBytes(StandardCharsets.UTF_8));
		for (int at = 0; at < body.length(); at += size) {
			pieces.add(body.substring(at, Math.min(at + size, body.length())).getBytes(StandardCharsets.UTF_8));
		}
		return pieces;
	}

	/** The head at once, then the body in chunks of {@code size} bytes, one at a time. */
	private static List<byte[]> chunked(String head, String body, int size) {
		List<byte[]> pieces = new ArrayList<>();
		pieces.add(head.getBytes(StandardCharsets.UTF_8));
		for (int at = 0; at < body.length(); at += size) {
			String chunk = body.substring(at, Math.min(at + size, body.length()));
			pieces
				.add((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		pieces.add("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
		return pieces;
	}

	private static String contentType(Answer answer) {
		String type = answer.header("Content-Type");
		return (type != null) ? type.split(";")[0].trim() : null;
	}

	private static String code(Answer answer) {
		if (!"application/problem+json".equals(contentType(answer))) {
			return null;
		}
		JsonNode problem = JSON.readTree(answer.body());
		return problem.path("code").asString(null);
	}

	private static String manyHeaders(int count) {
		StringBuilder headers = new StringBuilder();
		for (int i = 0; i < count; i++) {
			headers.append("X-Header-").append(i).append(": ").append(i).append("\r\n");
		}
		return headers.toString();
	}

	private static String cart(long productId) {
		return "/api/customers/" + CUSTOMER + "/cart/items/" + productId;
	}

	private static String order(long productId) {
		return "{\"customerId\":" + CUSTOMER + ",\"items\":[{\"productId\":" + productId + ",\"quantity\":1}]}";
	}

	private static Arguments get(String target) {
		return request("GET", target, "", null);
	}

	private static Arguments put(String target, String body) {
		return request("PUT", target, "Content-Type: application/json\r\n", body);
	}

	private static Arguments request(String method, String target, String headers, String body) {
		return bytes(method, target, headers, (body != null) ? body.getBytes(StandardCharsets.UTF_8) : null);
	}

	private static Arguments bytes(String method, String target, String headers, byte[] body) {
		byte[] request = RawHttp.request(method, target.getBytes(StandardCharsets.UTF_8),
				authorization(target, headers) + headers, body);
		String shown = method + " " + abbreviated(target)
				+ ((body != null) ? " " + abbreviated(new String(body, StandardCharsets.UTF_8)) : "")
				+ (headers.isEmpty() ? "" : " [" + abbreviated(headers.trim()) + "]");
		return Arguments.of(shown, request);
	}

	/** Something done to one service. */
	@FunctionalInterface
	private interface ServiceCall<T> {

		T call(JarProcess service) throws Exception;

	}

	/** What a server sent on a connection before it closed it, and when it closed it. */
	private record Closed(String service, byte[] answer, Duration after) {

		@Override
		public String toString() {
			return this.service + " closed after " + this.after.toMillis() + " ms, " + this.answer.length + " bytes";
		}

	}

	private static String abbreviated(String text) {
		String single = text.replace("\r\n", " | ");
		return (single.length() > 80) ? single.substring(0, 60) + "...(" + single.length() + " chars)" : single;
	}

}
