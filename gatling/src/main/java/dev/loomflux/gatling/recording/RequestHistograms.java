package dev.loomflux.gatling.recording;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * The two latency histograms of one request name in one step, as {@code latency.json}
 * keeps them beside the figures derived from them: HdrHistogram's compressed encoding in
 * Base64. Histograms add up exactly, so the files of several load generators that drove
 * one target at once merge into the figures one load generator would have recorded
 * ({@link LatencyFiles#merge}); percentiles could not be merged.
 *
 * @param ok the successes' latencies, microseconds
 * @param all every request's, failures at the time they took and requests still
 * unanswered when the run ended at the histogram's highest value
 */
public record RequestHistograms(String ok, String all) {

	static RequestHistograms of(Histogram ok, Histogram all) {
		return new RequestHistograms(encode(ok), encode(all));
	}

	Histogram okHistogram() {
		return decode(this.ok);
	}

	Histogram allHistogram() {
		return decode(this.all);
	}

	private static String encode(Histogram histogram) {
		ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
		int length = histogram.encodeIntoCompressedByteBuffer(buffer);
		return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
	}

	private static Histogram decode(String encoded) {
		try {
			return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("not an encoded HdrHistogram: " + ex.getMessage(), ex);
		}
	}

}
