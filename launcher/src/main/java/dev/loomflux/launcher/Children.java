package dev.loomflux.launcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process started through {@link JavaProcess} in this JVM. A shutdown hook stops
 * whatever is still running when the JVM ends for any reason: finished, failed, or Ctrl-C
 * (SIGINT runs the JVM's shutdown hooks), so no service outlives its test or run.
 */
final class Children {

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (!RUNNING.isEmpty()) {
				System.out.println("stopping the " + RUNNING.size() + " process(es) this JVM started");
				RUNNING.forEach(Children::stop);
			}
		}, "stop-children"));
	}

	private Children() {
	}

	static void register(Process process) {
		RUNNING.add(process);
	}

	/**
	 * Asks the process to stop (SIGTERM: graceful shutdown); kills it after 20 s (a JVM
	 * out of memory may not stop by itself).
	 */
	static void stop(Process process) {
		try {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		RUNNING.remove(process);
	}

}
