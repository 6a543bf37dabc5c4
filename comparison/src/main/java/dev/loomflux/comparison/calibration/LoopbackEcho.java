package dev.loomflux.comparison.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The far end of {@link KernelPath}'s round trips: listens on a free loopback port, says
 * which on its standard output ({@code port N}), and sends back every message of one
 * connection until it closes. Run as a process of its own, pinned where the service under
 * test runs, so that a round trip crosses from the load's CPU to the service's as every
 * request of a run does.
 */
public final class LoopbackEcho {

	private LoopbackEcho() {
	}

	public static void main(String[] args) throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			System.out.println("port " + server.getLocalPort());
			System.out.flush();
			try (Socket socket = server.accept()) {
				echo(socket);
			}
		}
	}

	/** Sends back each {@link KernelPath#MESSAGE_BYTES}-byte message as it arrives. */
	static void echo(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		InputStream in = socket.getInputStream();
		OutputStream out = socket.getOutputStream();
		byte[] message = new byte[KernelPath.MESSAGE_BYTES];
		while (in.readNBytes(message, 0, message.length) == message.length) {
			out.write(message);
		}
	}

}
