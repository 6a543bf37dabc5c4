package dev.loomflux.domain.system;

/**
 * Makes Netty use its NIO transport, not the native epoll one, in a service or the stub:
 * Reactor Netty (service-reactive's server, R2DBC and HTTP clients; the stub's server)
 * and Lettuce (both services' Redis). Called first thing in each {@code main}, before any
 * Netty class is loaded; the tests' JVMs get the same two properties from the root
 * {@code pom.xml}.
 * <p>
 * Why: with epoll, a kept-alive connection's next request now and then stayed unread for
 * good, its bytes in the socket and the connection in the epoll set without
 * {@code EPOLLIN} (docs/testing.md, "Requests nobody read"): in 4 of 19 fresh starts of
 * the stub with Netty 4.2.15 and 4.2.18, in none of 9 with NIO, run in turn under the
 * same load. A property set on the command line wins.
 */
public final class NioTransport {

	/** Reactor Netty's switch for its native transports. */
	static final String REACTOR_NETTY_NATIVE = "reactor.netty.native";

	/** Lettuce's switch for its epoll transport. */
	static final String LETTUCE_EPOLL = "io.lettuce.core.epoll";

	private NioTransport() {
	}

	public static void prefer() {
		setUnlessGiven(REACTOR_NETTY_NATIVE, "false");
		setUnlessGiven(LETTUCE_EPOLL, "false");
	}

	private static void setUnlessGiven(String property, String value) {
		if (System.getProperty(property) == null) {
			System.setProperty(property, value);
		}
	}

}
