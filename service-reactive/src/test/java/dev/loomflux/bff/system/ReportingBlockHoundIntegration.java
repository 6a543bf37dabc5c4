package dev.loomflux.bff.system;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Prints every blocking call BlockHound finds, with the stack that made it, before
 * throwing its error as it always does. The error is thrown from wherever the call was,
 * often from inside a library (a lock's park, a timer's cancellation) that swallows it or
 * stops halfway: a request then hangs with nothing logged, and only a test timing out 30
 * s later says that anything happened. Twice before, that is how a blocking call hid
 * ({@link LettuceBlockHoundIntegration}, {@link ReactorTimerBlockHoundIntegration}).
 */
public class ReportingBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.blockingMethodCallback((method) -> {
			BlockingOperationError error = new BlockingOperationError(method);
			System.err.println("BlockHound: blocking call " + method + " on " + Thread.currentThread().getName());
			error.printStackTrace();
			throw error;
		});
	}

}
