package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code jcmd}, next to the java running this run: the same JDK as the services
 * it starts, which the attach mechanism needs.
 */
public final class Jcmd {

	private static final long SECONDS = 30;

	private Jcmd() {
	}

	/** What {@code jcmd PID command} printed; null if it failed or was interrupted. */
	public static String run(long pid, String command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			return (process.exitValue() == 0) ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
