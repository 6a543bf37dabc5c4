package dev.loomflux.domain.orders;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;

/**
 * The {@code Idempotency-Key} header of {@code POST /api/orders} (IETF Idempotency-Key
 * draft): 1 to {@value #MAX_LENGTH} printable ASCII characters. Checked here so that both
 * services refuse the same keys with the same problem.
 */
public final class IdempotencyKey {

	public static final String HEADER = "Idempotency-Key";

	public static final int MAX_LENGTH = 255;

	private IdempotencyKey() {
	}

	/**
	 * The key, as sent.
	 * @throws ApiException {@code IDEMPOTENCY_KEY_MISSING} without a header,
	 * {@code VALIDATION_FAILED} for a key that is empty, too long or not printable ASCII
	 */
	public static String parse(String header) {
		if (header == null) {
			throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_MISSING, "The Idempotency-Key header is required.");
		}
		if (header.isEmpty() || header.length() > MAX_LENGTH || !isPrintableAscii(header)) {
			throw ApiException.validation(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
		}
		return header;
	}

	private static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

}
