package dev.loomflux.comparison;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.loomflux.comparison.results.ResultsJson;
import dev.loomflux.launcher.JavaProcess;
import dev.loomflux.launcher.Jars;

/**
 * The downstream stub, started once per run on the load CPUs; each scenario sets its
 * latency and faults through the stub's admin endpoint, without a restart.
 */
final class DownstreamStub implements AutoCloseable {

	private final JavaProcess process;

	private final HttpClient client = HttpClient.newHttpClient();

	/** Its base URL. */
	private final String url;

	private DownstreamStub(JavaProcess process, String url) {
		this.process = process;
		this.url = url;
	}

	/**
	 * A stub someone else started, beside the services of {@code compare --target}: the
	 * run sets its behaviours through its admin API as it does its own's.
	 */
	static DownstreamStub remote(String url) {
		return new DownstreamStub(null, url.replaceAll("/+$", ""));
	}

	static DownstreamStub start(Settings settings, Path logs) throws IOException, InterruptedException {
		JavaProcess process = JavaProcess.start("downstream", settings.loadCpus(),
				List.of("-Xms256m", "-Xmx512m", "-jar", Jars.of(Path.of("."), "downstream").toString()),
				Map.of("SERVER_PORT", Integer.toString(Settings.STUB_PORT), "MANAGEMENT_SERVER_PORT",
						Integer.toString(Settings.STUB_MANAGEMENT_PORT), "LOGGING_LEVEL_ROOT", "WARN"),
				logs.resolve("downstream.log"));
		process.awaitReady("http://127.0.0.1:" + Settings.STUB_MANAGEMENT_PORT + "/actuator/health",
				Duration.ofSeconds(120));
		return new DownstreamStub(process, "http://127.0.0.1:" + Settings.STUB_PORT);
	}

	/**
	 * Resets every endpoint to answer at once, then applies {@code behaviours} (endpoint
	 * -> JSON).
	 */
	void behave(Map<String, Map<String, Object>> behaviours) throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(admin("reset")).POST(HttpRequest.BodyPublishers.noBody()));
		if (behaviours != null) {
			for (Map.Entry<String, Map<String, Object>> endpoint : behaviours.entrySet()) {
				String json = ResultsJson.mapper().writeValueAsString(endpoint.getValue());
				send(HttpRequest.newBuilder(admin(endpoint.getKey()))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(json)));
			}
		}
	}

	/** -1 for a stub someone else started. */
	long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	String url() {
		return this.url;
	}

	private URI admin(String path) {
		return URI.create(this.url + "/admin/behaviours/" + path);
	}

	private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> reply = this.client.send(request.timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (reply.statusCode() != 200) {
			throw new IllegalStateException("the stub refused a behaviour: " + reply.statusCode() + " " + reply.body());
		}
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.process.close();
		}
	}

}
