package dev.loomflux.domain.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The resident set size of this process, as Linux reports it in
 * {@code /proc/self/status}. The JVM's own meters stop at the heap and the JVM's memory
 * pools; the RSS also counts thread stacks, direct buffers and the JIT, which is where a
 * thread-per-request service and an event loop can differ most. Both services export it
 * as {@code process_memory_rss_bytes}; where there is no {@code /proc} (macOS, Windows)
 * the meter is left out rather than reported as zero.
 */
public final class ProcessMemory {

	private static final Path STATUS = Path.of("/proc/self/status");

	private ProcessMemory() {
	}

	/** Whether this platform reports the RSS at all. */
	public static boolean available() {
		return Files.isReadable(STATUS) && residentSetBytes().isPresent();
	}

	/** {@code VmRSS}, which the kernel gives in kibibytes, in bytes. */
	public static OptionalLong residentSetBytes() {
		try {
			for (String line : Files.readAllLines(STATUS)) {
				if (line.startsWith("VmRSS:")) {
					String kibibytes = line.substring("VmRSS:".length()).replace("kB", "").strip();
					return OptionalLong.of(Long.parseLong(kibibytes) * 1024);
				}
			}
			return OptionalLong.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
