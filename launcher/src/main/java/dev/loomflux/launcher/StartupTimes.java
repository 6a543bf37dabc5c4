package dev.loomflux.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up of executable jars (a service or the stub; two builds of one module to compare
 * them) until the readiness probe answers 200, in three forms:
 * <ul>
 * <li>{@code jar}: {@code java -jar} on the executable jar, as {@code ./loomflux start},
 * the comparison and the tests run it;
 * <li>{@code extracted}: the layout the image runs ({@code -Djarmode=tools extract}, then
 * {@code java -jar} on the extracted jar);
 * <li>{@code aot}: the same with the JDK AOT cache, trained as the Dockerfile trains it.
 * </ul>
 * Every start goes through {@link ServiceProcess}, so with the
 * {@link ServiceProcess#JVM_FLAGS} the comparison and the tests use. Per start it prints
 * the ready time, Spring's "Started ... in X seconds", the CPU seconds of the process and
 * of its main thread at readiness, and the 1-minute load average; at the end
 * min/median/max of the ready time per jar and form. Services use the database
 * {@code loomflux_startup} (which {@code ./loomflux
 * startup} creates) and Redis database 7, so that a measurement leaves the development
 * data alone. See docs/startup.md.
 * <p>
 * {@code ./loomflux startup [--runs N] <jar>...} (N defaults to 5).
 */
public final class StartupTimes {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	private StartupTimes() {
	}

	enum Form {

		JAR, EXTRACTED, AOT;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One start, read at readiness.
	 *
	 * @param readyMillis {@link ServiceProcess#startup()}: from just after the process
	 * was spawned until the readiness probe first answered 200, polled every 100 ms
	 * @param startedSeconds Spring's own "Started ... in X seconds" (NaN if the log lacks
	 * it): the main context's refresh, without the JVM's start or the probe's polling
	 * @param cpuSeconds user and system CPU of the whole process (JIT and GC included)
	 * @param mainSeconds CPU of the main thread, which does nearly all of the start-up's
	 * own work: the figure closest to the critical path and least moved by the load
	 */
	record Start(long readyMillis, double startedSeconds, double cpuSeconds, double mainSeconds) {
	}

	/** Min, median (the mean of the middle two for an even count) and max. */
	record Summary(long min, double median, long max, int count) {

		static Summary of(List<Long> values) {
			if (values.isEmpty()) {
				throw new IllegalArgumentException("no values");
			}
			List<Long> sorted = values.stream().sorted().toList();
			int n = sorted.size();
			double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
			return new Summary(sorted.get(0), median, sorted.get(n - 1), n);
		}

	}

	public static void main(String[] args) throws Exception {
		int runs = 5;
		List<Path> jars = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--runs" -> runs = (i + 1 < args.length) ? Integer.parseInt(args[++i]) : 0;
				case "-h", "--help" -> usage(0);
				default -> jars.add(Path.of(args[i]));
			}
		}
		if (jars.isEmpty() || runs < 1) {
			usage(2);
		}
		Map<Path, Map<Form, ServiceProcess.Launch>> launches = new LinkedHashMap<>();
		for (Path jar : jars) {
			launches.put(jar, prepare(jar));
		}
		// Every run starts each jar in each form in turn, so that a change in the
		// machine's
		// load (it is shared) hits all of them alike rather than one series.
		Map<String, List<Long>> ready = new LinkedHashMap<>();
		for (int run = 1; run <= runs; run++) {
			for (Path jar : jars) {
				for (Form form : Form.values()) {
					double load = loadAverage();
					ServiceProcess.Launch launch = launches.get(jar).get(form);
					Start start = measure(withLog(launch, folder(jar).resolve(form + "-" + run + ".log")));
					System.out.printf(Locale.ROOT,
							"%s %s run=%d ready_ms=%d started_s=%.3f cpu_s=%.2f main_s=%.2f load1=%.2f%n", jar, form,
							run, start.readyMillis(), start.startedSeconds(), start.cpuSeconds(), start.mainSeconds(),
							load);
					ready.computeIfAbsent(jar + " " + form, (key) -> new ArrayList<>()).add(start.readyMillis());
				}
			}
		}
		ready.forEach((key, values) -> {
			Summary summary = Summary.of(values);
			System.out.printf(Locale.ROOT, "%s: ready median %.0f ms (min %d, max %d, %d runs)%n", key,
					summary.median(), summary.min(), summary.max(), summary.count());
		});
	}

	/**
	 * Extracts the jar, trains its AOT cache and starts it once, not counted: that first
	 * start migrates the database (a service's later starts find it migrated, as they
	 * would in production) and warms the file-system cache for all forms alike. Work and
	 * logs go to {@code target/startup/<jar name>/} beside the jar, emptied first so that
	 * no log of an earlier series is taken for this one's.
	 */
	private static Map<Form, ServiceProcess.Launch> prepare(Path jar) throws IOException, InterruptedException {
		Path folder = folder(jar);
		delete(folder);
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		ServiceProcess.Launch asJar = new ServiceProcess.Launch(name, jar.toAbsolutePath(), List.of(), null,
				environment(), folder.resolve("first.log"));
		ServiceProcess.Launch extracted = AotCache.extract(asJar, folder.resolve("extracted"));
		ServiceProcess.Launch aot = AotCache.train(extracted);
		measure(asJar);
		return Map.of(Form.JAR, asJar, Form.EXTRACTED, extracted, Form.AOT, aot);
	}

	/** Starts it, reads /proc at readiness, stops it. */
	static Start measure(ServiceProcess.Launch launch) throws IOException, InterruptedException {
		try (ServiceProcess service = ServiceProcess.start(launch)) {
			long pid = service.pid();
			double cpu = cpuSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
			double main = mainThreadCpuSeconds(pid);
			return new Start(service.startup().toMillis(), startedSeconds(Files.readString(service.log())), cpu, main);
		}
	}

	/**
	 * The configuration every start gets: a database and a Redis database of its own; the
	 * downstream nowhere (a free port), as start-up does not call it.
	 */
	private static Map<String, String> environment() {
		String jdbc = "jdbc:postgresql://127.0.0.1:5432/loomflux_startup";
		return Map.of("SPRING_DATASOURCE_URL", jdbc, "SPRING_FLYWAY_URL", jdbc, "SPRING_R2DBC_URL",
				"r2dbc:postgresql://127.0.0.1:5432/loomflux_startup", "SPRING_DATA_REDIS_DATABASE", "7",
				"BFF_DOWNSTREAM_URL", "http://127.0.0.1:" + FreePort.next());
	}

	/** Spring Boot's "Started X in Y seconds": Y, or NaN if the log has no such line. */
	static double startedSeconds(String log) {
		Matcher matcher = STARTED.matcher(log);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	/** User plus system time from a {@code /proc/.../stat} line, in seconds. */
	static double cpuSeconds(String stat) {
		return ProcCpu.ticks(stat) / ProcCpu.TICKS_PER_SECOND;
	}

	/**
	 * The CPU of the threads named "java": the one the {@code java} launcher runs
	 * {@code main} on, and the launcher's first thread, which only waits for it. The JVM
	 * names its own threads otherwise (C2 CompilerThread0, GC Thread#0...).
	 */
	private static double mainThreadCpuSeconds(long pid) throws IOException {
		double seconds = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				try {
					if (Files.readString(task.resolve("comm")).strip().equals("java")) {
						seconds += cpuSeconds(Files.readString(task.resolve("stat")));
					}
				}
				catch (IOException ended) {
					// a thread that ended while listed
				}
			}
		}
		return seconds;
	}

	private static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	private static Path folder(Path jar) {
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		return jar.toAbsolutePath().getParent().resolve("startup").resolve(name);
	}

	private static ServiceProcess.Launch withLog(ServiceProcess.Launch launch, Path log) {
		return new ServiceProcess.Launch(launch.name(), launch.jar(), launch.flags(), launch.cpus(),
				launch.environment(), log);
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	private static void usage(int status) {
		System.err.println("usage: ./loomflux startup [--runs N] <executable jar>...   (N defaults to 5)");
		System.exit(status);
	}

}
