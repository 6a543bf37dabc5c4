package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about this machine, for the manifest and for pinning. */
final class Machine {

	private Machine() {
	}

	static String cpuModel() {
		return procLines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown");
	}

	static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

	static int onlineCores() {
		return (int) procLines("/proc/cpuinfo").stream().filter((line) -> line.startsWith("processor")).count();
	}

	static long memoryBytes() {
		return procLines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
			.findFirst()
			.orElse(0);
	}

	static Double loadAverage() {
		List<String> lines = procLines("/proc/loadavg");
		return lines.isEmpty() ? null : Double.parseDouble(lines.getFirst().split(" ")[0]);
	}

	private static List<String> procLines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
