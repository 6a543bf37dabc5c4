package dev.loomflux.microbench.parked;

/**
 * A number of tasks parked at once, waiting for something that only {@link #release}
 * sends.
 */
interface ParkedTasks {

	/** Lets every task finish and waits until they have. */
	void release() throws InterruptedException;

}
