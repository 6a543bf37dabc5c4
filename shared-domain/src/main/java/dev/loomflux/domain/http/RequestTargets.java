package dev.loomflux.domain.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request targets (path and query, as sent) that both services refuse as malformed:
 * what Tomcat refuses by default, written down so that service-reactive, whose Reactor
 * Netty accepts most of them, can refuse the same ones, and service-loom can refuse a
 * broken query on every route, not only on those that read a parameter:
 * <ul>
 * <li>characters RFC 3986 does not allow in a target, a broken {@code %} escape, or
 * escapes that do not decode to UTF-8;</li>
 * <li>a path with an encoded NUL, slash or backslash, or whose {@code ..} segments climb
 * above the root;</li>
 * <li>a query parameter with a value but no name.</li>
 * </ul>
 */
public final class RequestTargets {

	private static final Pattern ABSOLUTE = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);

	private RequestTargets() {
	}

	/** Whether the whole target, origin-form or absolute-form, is malformed. */
	public static boolean isMalformed(String target) {
		for (int i = 0; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c <= ' ' || c >= 0x7f || "\"#<>\\^`{|}".indexOf(c) >= 0) {
				return true;
			}
		}
		String path = path(target);
		if (path == null || isMalformedPath(path)) {
			return true;
		}
		int query = target.indexOf('?');
		return query >= 0 && isMalformedQuery(target.substring(query + 1));
	}

	/** Whether a raw query string ({@code null}: none) is malformed. */
	public static boolean isMalformedQuery(String query) {
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith("=")) {
				// a value without a name
				return true;
			}
			byte[] decoded = percentDecoded(pair);
			if (decoded == null || !isUtf8(decoded)) {
				return true;
			}
		}
		return false;
	}

	/** The path of an origin-form or absolute-form target; {@code null} for others. */
	private static String path(String target) {
		String rest = target;
		if (ABSOLUTE.matcher(target).lookingAt()) {
			int slash = target.indexOf('/', target.indexOf("://") + 3);
			rest = (slash >= 0) ? target.substring(slash) : "/";
		}
		if (!rest.startsWith("/")) {
			return null;
		}
		int query = rest.indexOf('?');
		return (query >= 0) ? rest.substring(0, query) : rest;
	}

	private static boolean isMalformedPath(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.contains("%2f") || lower.contains("%5c")) {
			return true;
		}
		int depth = 0;
		for (String segment : path.substring(1).split("/", -1)) {
			int parameters = segment.indexOf(';');
			byte[] decoded = percentDecoded((parameters >= 0) ? segment.substring(0, parameters) : segment);
			if (decoded == null || !isUtf8(decoded) || contains(decoded, (byte) 0)) {
				return true;
			}
			String name = new String(decoded, StandardCharsets.UTF_8);
			if (name.equals("..")) {
				depth--;
				if (depth < 0) {
					// above the root: Tomcat refuses to normalize it
					return true;
				}
			}
			else if (!name.isEmpty() && !name.equals(".")) {
				depth++;
			}
		}
		return false;
	}

	/**
	 * The bytes a percent-encoded string stands for; {@code null} if an escape is broken.
	 */
	private static byte[] percentDecoded(String encoded) {
		byte[] bytes = new byte[encoded.length()];
		int length = 0;
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length()) {
					return null;
				}
				int high = Character.digit(encoded.charAt(i + 1), 16);
				int low = Character.digit(encoded.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes[length++] = (byte) ((high << 4) | low);
				i += 2;
			}
			else {
				bytes[length++] = (byte) c;
			}
		}
		return Arrays.copyOf(bytes, length);
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean contains(byte[] bytes, byte wanted) {
		for (byte b : bytes) {
			if (b == wanted) {
				return true;
			}
		}
		return false;
	}

}
