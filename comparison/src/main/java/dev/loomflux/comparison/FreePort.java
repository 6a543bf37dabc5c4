package dev.loomflux.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port nothing listens on, asked of the kernel, for each process the run starts: fixed
 * ports would let a stray service from another run answer the readiness probe in its
 * place.
 */
final class FreePort {

	private FreePort() {
	}

	static int next() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
