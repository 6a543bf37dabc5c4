package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.loomflux.comparison.metrics.Jcmd;
import dev.loomflux.comparison.results.Manifest;

/**
 * The threads a running service's concurrency model has, measured rather than taken from
 * its flags: Reactor Netty's event-loop threads counted in {@code /proc/PID/task}, and
 * the virtual-thread scheduler's parallelism as the JVM itself reports it
 * ({@code jcmd PID Thread.vthread_scheduler}). Either is null when it cannot be read.
 */
final class ModelThreadsReader {

	/** {@code reactor-http-nio-1} as Linux keeps it: thread names are cut at 15 bytes. */
	private static final String EVENT_LOOP_COMM = "reactor-http-ni";

	private static final Pattern PARALLELISM = Pattern.compile("parallelism = (\\d+)");

	private ModelThreadsReader() {
	}

	static Manifest.ModelThreads read(long pid) {
		return new Manifest.ModelThreads(eventLoopThreads(threadNames(pid)), parallelism(vthreadScheduler(pid)));
	}

	static Integer eventLoopThreads(List<String> threadNames) {
		return (threadNames == null) ? null
				: (int) threadNames.stream().filter((name) -> name.startsWith(EVENT_LOOP_COMM)).count();
	}

	static Integer parallelism(String vthreadScheduler) {
		Matcher parallelism = PARALLELISM.matcher((vthreadScheduler != null) ? vthreadScheduler : "");
		return parallelism.find() ? Integer.valueOf(parallelism.group(1)) : null;
	}

	private static List<String> threadNames(long pid) {
		List<String> names = new ArrayList<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks.toList()) {
				names.add(Files.readString(task.resolve("comm")).strip());
			}
			return names;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String vthreadScheduler(long pid) {
		return Jcmd.run(pid, "Thread.vthread_scheduler");
	}

}
