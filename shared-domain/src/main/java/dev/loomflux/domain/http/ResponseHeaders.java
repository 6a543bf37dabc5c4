package dev.loomflux.domain.http;

import java.util.Map;

/**
 * The headers every response of the public port carries, in both services, whichever
 * layer answers (a controller, a filter, or the server itself for a malformed request).
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser must not guess that a JSON body,
 * or a problem echoing a hostile path, is HTML or script;</li>
 * <li>{@code Cache-Control: no-store}: carts, orders and home pages belong to one
 * customer, stock changes with every order, and no response says how long it stays right,
 * so no shared cache may keep any of them.</li>
 * </ul>
 * Neither service sends a {@code Server} header or any other version.
 */
public final class ResponseHeaders {

	public static final Map<String, String> SECURITY = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control",
			"no-store");

	private ResponseHeaders() {
	}

}
