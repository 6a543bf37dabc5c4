package dev.loomflux.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real server (PostgreSQL, Redis) that a test can cut and
 * restore, so that a service sees that server go away and come back, exactly as it would
 * if the server were stopped and started: {@link #cut()} closes every proxied connection
 * and stops listening (new connections are refused), {@link #restore()} listens on the
 * same port again. The server itself keeps running, so the other tests of the JVM that
 * use it directly are not disturbed. (A small class of our own: the Java TCP proxy
 * libraries for tests are either unmaintained or need a server process of their own, as
 * Toxiproxy does.)
 */
public final class TcpProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	private TcpProxy(InetSocketAddress target, int port) {
		this.target = target;
		this.port = port;
	}

	/**
	 * A proxy to {@code host:port}, listening on a free loopback port below the kernel's
	 * range of local ports for outgoing connections. A port in that range (which is where
	 * {@code new ServerSocket(0)} picks) can be lent, while the proxy is cut, to the very
	 * client that keeps reconnecting to it: the client then connects to itself (a TCP
	 * self-connect), believes it reconnected, and talks to nobody. Seen in CI:
	 * service-reactive's Lettuce "Reconnected" to a cut proxy's port 32841 and its carts
	 * stayed unavailable; before that, the proxy could not listen again ("Address already
	 * in use").
	 */
	public static TcpProxy to(String host, int port) {
		TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), freePortBelowLocalPortRange());
		proxy.restore();
		return proxy;
	}

	private static int freePortBelowLocalPortRange() {
		int below = firstLocalPort();
		Random random = new Random();
		for (int attempt = 0; attempt < 100; attempt++) {
			int candidate = 10_000 + random.nextInt(below - 10_000);
			try (ServerSocket probe = new ServerSocket()) {
				probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
				return candidate;
			}
			catch (IOException taken) {
				// another one
			}
		}
		throw new IllegalStateException("No free port between 10000 and " + below);
	}

	/** Linux's lower bound of ephemeral ports; 32768 (its default) elsewhere. */
	private static int firstLocalPort() {
		try {
			// line by line: Files.readString trusts the size procfs
			// reports, and read "3" here
			String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst();
			return Math.max(11_000, Integer.parseInt(range.trim().split("\\s+")[0]));
		}
		catch (IOException | RuntimeException notLinux) {
			return 32_768;
		}
	}

	/** Where clients connect instead of the target. */
	public int port() {
		return this.port;
	}

	/** The target is gone: open connections are closed, new ones refused. */
	public synchronized void cut() {
		closeQuietly(this.listener);
		this.listener = null;
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	/** The target is back, on the same port; clients must connect again. */
	public synchronized void restore() {
		if (this.listener != null) {
			return;
		}
		ServerSocket server = bindWithRetries();
		this.listener = server;
		Thread.ofVirtual().name("tcp-proxy-accept-" + this.port).start(() -> accept(server));
	}

	/**
	 * The port was free when the proxy chose it, but while it is cut the kernel may lend
	 * it to an outgoing connection as its local port (seen in CI: "Address already in
	 * use"); such a connection is short-lived, so binding is tried again for a while.
	 */
	private ServerSocket bindWithRetries() {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (true) {
			try {
				ServerSocket server = new ServerSocket();
				server.setReuseAddress(true);
				try {
					server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
					return server;
				}
				catch (IOException ex) {
					server.close();
					throw ex;
				}
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new UncheckedIOException("Cannot listen on " + this.port + " again", ex);
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				connect(client);
			}
			catch (IOException closedByCut) {
				return;
			}
		}
	}

	private void connect(Socket client) {
		Socket upstream = new Socket();
		try {
			upstream.connect(this.target, 5_000);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(upstream);
			return;
		}
		this.sockets.add(client);
		this.sockets.add(upstream);
		Thread.ofVirtual().start(() -> pipe(client, upstream));
		Thread.ofVirtual().start(() -> pipe(upstream, client));
	}

	/** Copies one direction until either side closes, then closes both. */
	private void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException closed) {
			// one side went away: so does the other
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// already closed
		}
	}

}
