package dev.loomflux.bff.security;

/**
 * Stands in for the services' security code in SecurityShareTest: a class in the package
 * SecurityShare attributes to security, burning CPU until a deadline.
 */
public final class BusyTokenCheck {

	private BusyTokenCheck() {
	}

	public static long spinUntil(long deadlineNanos) {
		long sum = 0;
		while (System.nanoTime() < deadlineNanos) {
			sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
		}
		return sum;
	}

}
