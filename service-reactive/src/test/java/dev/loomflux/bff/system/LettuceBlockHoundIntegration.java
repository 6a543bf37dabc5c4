package dev.loomflux.bff.system;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one blocking call BlockHound is told to accept on an event loop, and why. Lettuce
 * guards the write path of a connection with a lock ({@code SharedLock}) held only while
 * a command is put in the channel's queue, with no I/O under it; when several loop
 * threads write to the one Redis connection at once, one may park there for that long.
 * That is lock contention, not waiting on I/O, and it is the price of sharing one
 * multiplexed connection, which both services pay alike (service-loom's virtual threads
 * park on the same lock). Without this, BlockHound's error thrown from inside the lock's
 * park leaves the lock unusable and every later command hangs.
 */
public class LettuceBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
			.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
	}

}
