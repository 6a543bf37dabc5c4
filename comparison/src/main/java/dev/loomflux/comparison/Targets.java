package dev.loomflux.comparison;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Services someone else started, for {@code ./loomflux compare --target}: the run loads
 * them as it would its own, with the same scenarios, warm-up and figures, but starts,
 * pins, restarts and resets nothing, and reads them only through HTTP.
 *
 * @param urls variant name -> the service's base URL, in the order given
 * @param metrics variant name -> its {@code /actuator/prometheus}; a variant without one
 * gets no server-side figures (CPU, JIT, memory, pools), and its warm-ups, which cannot
 * see its JIT, run to their time limit and count as not steady
 * @param stub the downstream stub the services call (its URL): the scenarios set its
 * latencies, and its TEST issuer, which the services must trust, mints the customers'
 * tokens
 */
record Targets(Map<String, String> urls, Map<String, URI> metrics, String stub) {

	String issuer() {
		return this.stub + "/test-issuer";
	}

	ServiceUnderTest service(String variant) {
		return ServiceUnderTest.remote(this.urls.get(variant), this.metrics.get(variant));
	}

	/**
	 * For the manifest's notes: what the run could not do or check, as it did not start
	 * the services.
	 */
	List<String> notes() {
		List<String> notes = new ArrayList<>();
		this.urls.forEach((variant,
				url) -> notes.add("target " + variant + ": " + url + " (metrics: "
						+ ((this.metrics.get(variant) != null) ? this.metrics.get(variant) : "none")
						+ "), started by someone else"));
		notes.add("external targets: not started, pinned, restarted or reset by this run (their database and Redis "
				+ "keep what earlier runs left); no /proc or JFR of theirs, so no RSS, start-up time, model threads, "
				+ "security-filter share or interference on their CPUs; their CPU time from process_cpu_time_ns_total; "
				+ "their JIT from jvm_compilation_time_ms_total, which counts a compiler's waits for the CPU too; "
				+ "the orders' stock invariant not checked (it needs the database); downstream stub " + this.stub);
		return notes;
	}

}
