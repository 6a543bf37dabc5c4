package dev.loomflux.comparison;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the comparison run started. A shutdown hook stops whatever is still
 * running when the run ends for any reason: finished, failed, or Ctrl-C (SIGINT runs the
 * JVM's shutdown hooks).
 */
final class Children {

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (!RUNNING.isEmpty()) {
				System.out.println("loomflux compare: stopping the " + RUNNING.size() + " process(es) it started");
				RUNNING.forEach(Children::stop);
			}
		}, "stop-children"));
	}

	private Children() {
	}

	static void register(Process process) {
		RUNNING.add(process);
	}

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
