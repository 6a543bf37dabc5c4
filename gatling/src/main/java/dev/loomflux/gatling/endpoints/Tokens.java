package dev.loomflux.gatling.endpoints;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.Session;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customers' bearer tokens, minted once before the run by the downstream stub's TEST
 * issuer (system property {@code loomflux.issuer}, its base URL) and reused by every
 * request, as a signed-in client reuses its access token: the load measures what the
 * services spend checking a token on each request, not what an issuer spends minting.
 */
public final class Tokens {

	/**
	 * The system property that names the issuer: {@code http://host:port/test-issuer}.
	 */
	public static final String ISSUER = "loomflux.issuer";

	/**
	 * The system property that names a file of tokens already minted ({@link #save}): the
	 * comparison mints them once per run, so that the load generator does not ask the
	 * issuer to sign 10,000 tokens again on the machine it is about to measure.
	 */
	public static final String FILE = "loomflux.tokens";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static List<String> tokens;

	private Tokens() {
	}

	/**
	 * {@code Bearer <token>} of the session's {@code customerId}; without an issuer (a
	 * test of the load generator against a server of its own) a placeholder.
	 */
	static String bearer(Session session) {
		return "Bearer " + of(session.getLong("customerId"));
	}

	/** The token of customer {@code customerId} (1-based, as in the seed). */
	public static synchronized String of(long customerId) {
		return (tokens != null) ? tokens.get((int) customerId - 1) : "no-issuer-configured";
	}

	/** Tokens for customers 1 to {@code count}, fetched on first use. */
	public static synchronized List<String> load(String issuer, int count) {
		if (tokens == null || tokens.size() < count) {
			String file = System.getProperty(FILE);
			tokens = (file != null) ? read(Path.of(file)) : fetch(issuer, count);
		}
		if (tokens.size() < count) {
			throw new IllegalStateException(tokens.size() + " tokens for " + count + " customers");
		}
		return tokens;
	}

	/** Writes the tokens loaded so far to {@code file}, for {@link #FILE}. */
	public static synchronized void save(Path file) throws IOException {
		if (tokens == null) {
			throw new IllegalStateException("no tokens loaded");
		}
		Files.writeString(file, JSON.writeValueAsString(tokens));
	}

	private static List<String> read(Path file) {
		try {
			return JSON.readValue(Files.readString(file), new TypeReference<List<String>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the tokens in " + file, ex);
		}
	}

	private static List<String> fetch(String issuer, int count) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> reply = client
				.send(HttpRequest.newBuilder(URI.create(issuer + "/tokens?count=" + count))
					.timeout(Duration.ofMinutes(2))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			if (reply.statusCode() != 200) {
				throw new IllegalStateException("The test issuer at " + issuer + " answered " + reply.statusCode());
			}
			return JSON.readValue(reply.body(), new TypeReference<List<String>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot mint tokens at " + issuer, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
