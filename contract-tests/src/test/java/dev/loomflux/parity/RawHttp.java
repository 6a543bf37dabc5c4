package dev.loomflux.parity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket: hostile requests are exactly what a
 * well-behaved client (the JDK's HttpClient) refuses to send, such as a space or a broken
 * {@code %} escape in the target, or a hundred and fifty headers. Every request asks for
 * {@code Connection: close}, so the answer is whatever arrives until the server closes.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private final String host;

	private final int port;

	RawHttp(String url) {
		URI uri = URI.create(url);
		this.host = uri.getHost();
		this.port = uri.getPort();
	}

	/** A request from its line, extra header lines (each ending CRLF) and body. */
	static byte[] request(String method, byte[] target, String headers, byte[] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
		request.writeBytes(target);
		request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
		request.writeBytes(headers.getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		}
		request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		if (body != null) {
			request.writeBytes(body);
		}
		return request.toByteArray();
	}

	Answer send(byte[] request) {
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (SocketException ex) {
				// the server answered and closed before reading it all (an oversized
				// request): the answer is still there to read
			}
			return Answer.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The request in pieces, each written after a pause, as a slow client sends it; then
	 * whatever arrives until the server closes. A client that stalls is one whose last
	 * piece leaves its request unfinished.
	 */
	Answer sendInPieces(List<byte[]> pieces, Duration pause) {
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			// each piece its own TCP segment, as a slow network delivers it
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			for (int i = 0; i < pieces.size(); i++) {
				if (i > 0) {
					Thread.sleep(pause);
				}
				out.write(pieces.get(i));
				out.flush();
			}
			return Answer.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read; (read = in.read(buffer)) != -1;) {
				all.write(buffer, 0, read);
			}
		}
		catch (SocketException ex) {
			// reset after the answer: keep what arrived
		}
		return all.toByteArray();
	}

	/** Status, headers (lower-case names) and the body, de-chunked. */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("No HTTP answer: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
			byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunked(body);
			}
			return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunked(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOfCrlf(chunked, at);
				String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
				int length = Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				body.write(chunked, lineEnd + 2, length);
				at = lineEnd + 2 + length + 2;
			}
			return body.toByteArray();
		}

		private static int indexOfCrlf(byte[] bytes, int from) {
			for (int i = from; i < bytes.length - 1; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			throw new IllegalStateException("Broken chunked body");
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
