package dev.loomflux.gatling.endpoints;

/**
 * The headers every load-generator request carries, which the comparison's warm-up sends
 * too: a service's per-request code (content negotiation, its filters) takes the branches
 * these headers lead to, and a warm-up without them left those branches for the JIT to
 * compile during the measured steps.
 */
public final class ClientHeaders {

	public static final String ACCEPT = "application/json";

	public static final String USER_AGENT = "loomflux-gatling";

	private ClientHeaders() {
	}

}
