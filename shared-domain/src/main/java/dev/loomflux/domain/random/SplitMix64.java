package dev.loomflux.domain.random;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014), written out so that its output is fixed by
 * this file rather than by a JDK version: the same seed gives the same numbers on every
 * JVM, which keeps the two services' insights and prices identical byte for byte. Not
 * thread-safe: each simulation owns one. Not final only so that a test can count draws.
 */
public class SplitMix64 {

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private long state;

	public SplitMix64(long seed) {
		this.state = seed;
	}

	public long nextLong() {
		this.state += GOLDEN_GAMMA;
		return mix(this.state);
	}

	/** Uniform in [0, 1), 53 random bits. */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** The SplitMix64 finaliser, also a good hash of a single long. */
	public static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
