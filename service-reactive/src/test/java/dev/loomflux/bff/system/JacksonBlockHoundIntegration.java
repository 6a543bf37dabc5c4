package dev.loomflux.bff.system;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Jackson builds the deserializer of a type the first time it reads one, under a lock of
 * its mapper's deserializer cache
 * ({@code DeserializerCache._createAndCacheValueDeserializer}, a {@code ReentrantLock}),
 * with no I/O under it; from then on it reads the deserializer from the cache without the
 * lock. Two loop threads reading a type for the first time at once (the home page's two
 * downstream answers, decoded on the HTTP client's loops) meet there, and one parks for
 * as long as the other's construction takes: once per type and mapper, the price of a
 * shared mapper, which service-loom pays alike on its virtual threads. Seen with
 * {@link ReportingBlockHoundIntegration} in a run of this module's tests in random order
 * (during AdmissionContract's home pages): without this, BlockHound's error fails that
 * read as if the downstream call had failed.
 */
public class JacksonBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
	}

}
