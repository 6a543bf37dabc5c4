package dev.loomflux.comparison.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder recording of a running service's execution samples, started and
 * dumped with {@code jcmd}, so that where the service's CPU goes can be attributed
 * (SecurityShare). Started once per service process, before its warm-up, so that JFR's
 * own start-up (class loading, compilation) is not charged to a scenario; dumped after
 * each scenario. Only {@code jdk.ExecutionSample} is enabled, every 10 ms (the rate of
 * the JDK's own {@code profile} settings; a short step holds few samples), and every
 * variant carries it alike.
 */
public final class JfrSampler implements AutoCloseable {

	private static final String NAME = "loomflux";

	private static final String PERIOD = "10ms";

	private final long pid;

	private JfrSampler(long pid) {
		this.pid = pid;
	}

	/** Starts the recording in the JVM {@code pid}; null (and why) when jcmd fails. */
	public static JfrSampler start(long pid) throws IOException, InterruptedException {
		jcmd(pid, "JFR.start", "name=" + NAME, "settings=none", "+jdk.ExecutionSample#enabled=true",
				"+jdk.ExecutionSample#period=" + PERIOD, "maxage=30m");
		return new JfrSampler(pid);
	}

	/** Writes everything recorded so far to {@code file}. */
	public Path dump(Path file) throws IOException, InterruptedException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		jcmd(this.pid, "JFR.dump", "name=" + NAME, "filename=" + file.toAbsolutePath());
		return file;
	}

	@Override
	public void close() {
		try {
			jcmd(this.pid, "JFR.stop", "name=" + NAME);
		}
		catch (IOException ex) {
			// the service is gone or going: nothing left to stop
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void jcmd(long pid, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		command.add(Long.toString(pid));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output;
		try (var in = process.getInputStream()) {
			output = new String(in.readAllBytes());
		}
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("jcmd " + String.join(" ", arguments) + " did not finish in 60 s");
		}
		if (process.exitValue() != 0 || output.contains("Could not") || output.contains("Exception")) {
			throw new IOException("jcmd " + arguments[0] + " failed: " + output.strip());
		}
	}

}
