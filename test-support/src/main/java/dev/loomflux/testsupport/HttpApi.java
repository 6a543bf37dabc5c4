package dev.loomflux.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A black-box HTTP client for tests: plain JDK HttpClient, so that what a test sees is
 * what any client sees on the wire, whichever framework serves it.
 */
public final class HttpApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Marks {@link #asEachCustomer()}: compared by identity, never sent. */
	private static final String EACH_CUSTOMER = new String("each customer");

	private static final Pattern CUSTOMER_PATH = Pattern.compile("^/api/customers/([1-9][0-9]{0,17})/");

	private final HttpClient client;

	private final URI base;

	/** The {@code Authorization} header every request carries, or {@code null}. */
	private final String authorization;

	public HttpApi(String baseUrl) {
		this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
				URI.create(baseUrl), null);
	}

	/** Another view of the same client (its connections are shared). */
	private HttpApi(HttpClient client, URI base, String authorization) {
		this.client = client;
		this.base = base;
		this.authorization = authorization;
	}

	public static HttpApi onPort(int port) {
		return new HttpApi("http://localhost:" + port);
	}

	/** The same API, with {@code Authorization: Bearer <token>} on every request. */
	public HttpApi withToken(String token) {
		return new HttpApi(this.client, this.base, "Bearer " + token);
	}

	/**
	 * The same API as customer {@code customerId} sees it: with that customer's token
	 * (from the test issuer of this JVM's stub) on every request.
	 */
	public HttpApi as(long customerId) {
		return withToken(Tokens.forCustomer(customerId));
	}

	/**
	 * The same API as each customer sees it: a request to {@code /api/customers/{id}/...}
	 * carries the token of customer {@code id} (minted once per customer), as if each
	 * customer used their own client; for tests that load many customers' pages at once.
	 */
	public HttpApi asEachCustomer() {
		return new HttpApi(this.client, this.base, EACH_CUSTOMER);
	}

	/** The same API without a token. */
	public HttpApi anonymous() {
		return new HttpApi(this.client, this.base, null);
	}

	public Reply get(String path) {
		return send(request(path).GET());
	}

	public Reply send(String method, String path, String contentType, String body) {
		HttpRequest.Builder request = request(path).method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	/**
	 * GETs every path at once, each from its own virtual thread, and returns the statuses
	 * in path order; fails with the first transport error.
	 */
	public List<Integer> getConcurrently(List<String> paths) {
		// one deadline for the whole batch: a hung service fails the test
		// in a minute, not in paths x 30 s
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> statuses = paths.stream()
				.map((path) -> executor.submit(() -> statusShowingServerErrors(path)))
				.toList();
			List<Integer> result = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				result.add(status.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			executor.shutdownNow();
			return result;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("A concurrent request failed", ex);
		}
	}

	/**
	 * The status of a GET; a 5xx's body goes to the test's output, as a status alone
	 * hides its cause.
	 */
	private int statusShowingServerErrors(String path) {
		Reply reply = get(path);
		if (reply.status() >= 500) {
			System.err.println(reply.status() + " for GET " + path + ": " + reply.text());
		}
		return reply.status();
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path)).timeout(TIMEOUT);
		String authorization = (this.authorization == EACH_CUSTOMER) ? customerAuthorization(path) : this.authorization;
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private static String customerAuthorization(String path) {
		Matcher customer = CUSTOMER_PATH.matcher(path);
		return customer.find() ? "Bearer " + Tokens.forCustomer(Long.parseLong(customer.group(1))) : null;
	}

	public Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.headers().map(), response.body());
		}
		catch (HttpTimeoutException ex) {
			// a service in this JVM that never answers is hung somewhere: show where
			System.err.println("No answer within " + TIMEOUT + "; this JVM's threads:\n" + threadDump());
			throw new UncheckedIOException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
			for (StackTraceElement frame : stack) {
				dump.append("\tat ").append(frame).append('\n');
			}
		});
		return dump.toString();
	}

	/** What came back: status, content type, all headers and the raw body bytes. */
	public record Reply(int status, String contentType, java.util.Map<String, List<String>> headers, byte[] body) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> String.join(", ", entry.getValue()))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + text();
		}

	}

}
