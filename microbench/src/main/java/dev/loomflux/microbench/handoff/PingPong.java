package dev.loomflux.microbench.handoff;

/**
 * Two tasks passing a baton back and forth through a one-slot hand-off: each pass
 * suspends the sender and resumes the receiver, which is exactly the "switch between
 * suspended tasks" that claim C6 prices.
 * <p>
 * A batch is started from the outside (the JMH thread) and waited for, so one invocation
 * also pays for two extra hand-offs (JMH thread to ping, ping back to the JMH thread).
 * With {@link HandoffBenchmark#ROUND_TRIPS} round trips per batch that bias is below one
 * percent of the figure for every kind.
 */
interface PingPong extends AutoCloseable {

	/**
	 * Passes the baton {@code roundTrips} times there and back (2 x roundTrips hand-offs)
	 * and returns when the last one has arrived.
	 */
	void roundTrips(int roundTrips) throws InterruptedException;

	@Override
	void close() throws InterruptedException;

}
