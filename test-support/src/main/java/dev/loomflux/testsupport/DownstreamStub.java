package dev.loomflux.testsupport;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real downstream stub (the {@code downstream} module's jar, which the build copies
 * next to the tests), started once per test JVM and stopped when it exits. Tests change
 * its latency and faults through its admin endpoint, as an experiment would.
 */
public final class DownstreamStub {

	private static DownstreamStub instance;

	private final JarProcess process;

	private DownstreamStub(JarProcess process) {
		this.process = process;
	}

	public static synchronized DownstreamStub get() {
		if (instance == null) {
			JarProcess process = JarProcess.start("downstream", Map.of("LOGGING_LEVEL_ROOT", "WARN"));
			Runtime.getRuntime().addShutdownHook(new Thread(process::close));
			instance = new DownstreamStub(process);
		}
		return instance;
	}

	public String url() {
		return this.process.url();
	}

	public int managementPort() {
		return this.process.managementPort();
	}

	/**
	 * E.g. {@code behave("promotions", "{\"errorRate\":1.0}")}; see the stub's
	 * {@code Behaviour}.
	 */
	public void behave(String endpoint, String behaviourJson) {
		HttpApi.Reply reply = this.process.api()
			.send("PUT", "/admin/behaviours/" + endpoint, "application/json", behaviourJson);
		assertThat(reply.status()).as("stub accepted %s", behaviourJson).isEqualTo(200);
	}

	/** Back to the configured behaviour: no latency, no faults. */
	public void reset() {
		assertThat(this.process.api().send("POST", "/admin/behaviours/reset", null, null).status()).isEqualTo(200);
	}

	/**
	 * The requests {@code endpoint} has received since the stub started (never reset:
	 * take differences).
	 */
	public long calls(String endpoint) {
		HttpApi.Reply reply = this.process.api().get("/admin/calls/" + endpoint);
		assertThat(reply.status()).as("calls of %s", endpoint).isEqualTo(200);
		return Long.parseLong(reply.text().trim());
	}

	public HttpApi api() {
		return this.process.api();
	}

}
