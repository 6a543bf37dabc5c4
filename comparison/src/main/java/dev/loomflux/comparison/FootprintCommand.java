package dev.loomflux.comparison;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.loomflux.comparison.footprint.HeldRequests;
import dev.loomflux.comparison.footprint.TaskFootprint;
import dev.loomflux.comparison.metrics.BaseMemory;
import dev.loomflux.comparison.metrics.PrometheusText;
import dev.loomflux.comparison.metrics.ProcStat;
import dev.loomflux.comparison.results.ResultsJson;
import dev.loomflux.gatling.endpoints.Tokens;
import dev.loomflux.launcher.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./loomflux footprint}: memory per waiting task at scale (docs/comparison.md,
 * "Memory per waiting task"). For each variant, started as the comparison starts it: the
 * memory after a full GC with no task open, then with {@code --tasks} price streams open,
 * then with as many home requests in flight behind a slow downstream; per task, the
 * difference divided by the tasks the service itself counted open.
 * <p>
 * The service's limits are raised for it (and only for it) so that they do not decide
 * what is measured: the API's admission cap and the streams' cap above the tasks, the
 * home page's deadline and the downstream timeouts above the stub's delay, the servlet
 * container's connection cap (Tomcat's or Jetty's) above the tasks, and the downstream
 * pool as large as the file descriptors allow (each in-flight home request holds its
 * inbound connection and, with a pooled connection free, an outbound one; the open-file
 * limit is per process).
 */
@Command(name = "loomflux footprint", mixinStandardHelpOptions = true, versionProvider = CompareCommand.Version.class,
		description = "Memory per waiting task: heap after a full GC and RSS per open price stream and per in-flight "
				+ "home request (slow downstream), per variant; writes results/<run>/footprint.{md,json}.")
public final class FootprintCommand implements Callable<Integer> {

	/**
	 * How long the held home requests' downstream call takes: far beyond the measurement.
	 */
	private static final Duration DOWNSTREAM_DELAY = Duration.ofMinutes(4);

	/** The home page's deadline and the downstream timeouts during the measurement. */
	private static final Duration HOME_DEADLINE = Duration.ofMinutes(10);

	/** File descriptors each service keeps for everything but the held tasks. */
	private static final int DESCRIPTORS_SPARE = 2_000;

	/** Customers with a token (and a row in the seed). */
	private static final int CUSTOMERS = Warmup.CUSTOMERS;

	/** Tasks opened and closed before the first measurement, to load their code. */
	private static final int WARM_UP_TASKS = 200;

	@Spec
	CommandSpec spec;

	@Option(names = "--variants", split = ",", defaultValue = "loom,reactive",
			description = "some of loom, platform, reactive, reactive-inline, reactive-one-loop (default: ${DEFAULT-VALUE})")
	List<String> variants;

	@Option(names = "--tasks", defaultValue = "10000",
			description = "price streams, then home requests, held at once (default: ${DEFAULT-VALUE})")
	int tasks;

	@Option(names = "--per-second", defaultValue = "1000",
			description = "connections opened per second (default: ${DEFAULT-VALUE})")
	int perSecond;

	@Option(names = "--service-cpus", defaultValue = "1",
			description = "taskset CPU list for the service (default: ${DEFAULT-VALUE})")
	String serviceCpus;

	@Option(names = "--load-cpus", defaultValue = "0",
			description = "taskset CPU list for the stub (default: ${DEFAULT-VALUE})")
	String loadCpus;

	@Option(names = "--results", defaultValue = "results",
			description = "folder under which the run gets one (default: ${DEFAULT-VALUE})")
	Path results;

	private final HttpClient http = HttpClient.newHttpClient();

	@Override
	public Integer call() throws Exception {
		List<Variant> chosen = checkOptions();
		Path folder = Files.createDirectories(this.results
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-footprint"));
		Path logs = Files.createDirectories(folder.resolve("logs"));
		Settings settings = Settings.fromEnvironment(this.serviceCpus, this.loadCpus, false);
		int outbound = downstreamConnections(this.tasks);
		say("loomflux footprint: variants %s, %,d tasks, downstream pool %,d, results in %s",
				chosen.stream().map(Variant::name).toList(), this.tasks, outbound, folder);
		List<TaskFootprint> rows = new ArrayList<>();
		try (DownstreamStub stub = DownstreamStub.start(settings, logs)) {
			Tokens.load(Settings.issuer(), Math.min(this.tasks, CUSTOMERS));
			for (Variant variant : chosen) {
				rows.addAll(measure(variant, settings, stub, logs, outbound));
			}
		}
		finally {
			Storage.dropDatabase(settings);
		}
		String table = TaskFootprint.table(rows);
		Files.writeString(folder.resolve("footprint.md"),
				"# Memory per waiting task\n\n" + conditions(outbound) + "\n\n" + table);
		Files.writeString(folder.resolve("footprint.json"), ResultsJson.mapper().writeValueAsString(rows));
		System.out.println(table);
		say("written: %s, %s", folder.resolve("footprint.md"), folder.resolve("footprint.json"));
		return 0;
	}

	List<Variant> checkOptions() {
		List<Variant> chosen = new ArrayList<>();
		for (String name : this.variants) {
			if (!Variant.names().contains(name) || Variant.named(name).floor()) {
				throw new ParameterException(this.spec.commandLine(),
						"Invalid value for option '--variants': expected one of %s but was '%s'".formatted(
								String.join(", ",
										Variant.names().stream().filter((v) -> !Variant.named(v).floor()).toList()),
								name));
			}
			chosen.add(Variant.named(name));
		}
		if (this.tasks < 1 || this.perSecond < 1) {
			throw new ParameterException(this.spec.commandLine(), "--tasks and --per-second must be at least 1");
		}
		return chosen;
	}

	private List<TaskFootprint> measure(Variant variant, Settings settings, DownstreamStub stub, Path logs,
			int outbound) throws Exception {
		stub.behave(Map.of());
		Storage.recreateDatabase(settings);
		Storage.flushRedis(settings);
		say("%s: starting", variant.name());
		try (ServiceUnderTest service = ServiceUnderTest.start(variant, settings, limitsRaised(outbound), logs)) {
			URI base = URI.create(service.baseUrl());
			// each kind once, briefly, so that neither measurement counts code loaded on
			// first use, or pools filled on first use, as memory per task
			hold(service, base, WARM_UP_TASKS, FootprintCommand::streamRequest, "bff_prices_open_streams").close();
			hold(service, base, WARM_UP_TASKS, FootprintCommand::homeRequest, null).close();
			awaitGauge(service, "bff_prices_open_streams", 0, Duration.ofSeconds(30));
			List<TaskFootprint> rows = new ArrayList<>();
			rows.add(measureHeld(variant, service, base, "price stream", FootprintCommand::streamRequest,
					"bff_prices_open_streams", null));
			if (!Double.isNaN(rows.getLast().liveHeapWith())) {
				awaitGauge(service, "bff_prices_open_streams", 0, Duration.ofSeconds(60));
				stub.behave(Map.of("recommendations", Map.of("latency", DOWNSTREAM_DELAY.toString())));
				rows.add(measureHeld(variant, service, base, "home request", FootprintCommand::homeRequest,
						"http_server_requests_active_seconds_gcount",
						(this.tasks > outbound)
								? "%,d of the requests wait for one of the %,d pooled downstream connections"
									.formatted(this.tasks - outbound, outbound)
								: null));
			}
			return rows;
		}
	}

	private TaskFootprint measureHeld(Variant variant, ServiceUnderTest service, URI base, String kind,
			IntFunction<String> request, String gauge, String note) throws Exception {
		// counted before as well: the request that reads the metrics is in flight itself
		double openBefore = gauge(service, gauge);
		BaseMemory before = BaseMemory.measure(service.pid());
		double rssBefore = rss(service);
		say("%s: %,d %ss opening", variant.name(), this.tasks, kind);
		try (HeldRequests held = hold(service, base, this.tasks, request, null)) {
			double open;
			try {
				open = awaitGauge(service, gauge, (int) openBefore + this.tasks, Duration.ofSeconds(120)) - openBefore;
			}
			catch (IOException ex) {
				// the heap ran out (the services exit on OutOfMemoryError) or nearly did
				// (its
				// metrics unanswered for 10 s, every thread waiting on the GC): that is
				// the figure
				String why = service.isAlive()
						? "the service stopped answering its metrics while they opened (%s); see %s and the GC log "
							.formatted(ex, service.log()) + "beside it"
						: "the service exited while they opened (%s); see %s".formatted(lastWords(service.log()),
								service.log());
				say("%s: %s", variant.name(), why);
				return new TaskFootprint(variant.name(), kind, this.tasks, 0, held.answered(), held.failed(),
						value(before, true), Double.NaN, value(before, false), Double.NaN, rssBefore, Double.NaN,
						join(note, why));
			}
			BaseMemory with = BaseMemory.measure(service.pid());
			double rssWith = rss(service);
			int answered = held.answered();
			TaskFootprint row = new TaskFootprint(variant.name(), kind, this.tasks, (int) open,
					kind.equals("price stream") ? 0 : answered, held.failed(), value(before, true), value(with, true),
					value(before, false), value(with, false), rssBefore, rssWith,
					(held.firstFailure() != null) ? join(note, "first failure: " + held.firstFailure()) : note);
			say("%s: %,d %ss held (%,d answered, %,d sent again after a 503, %,d failed%s): live heap %.1f KiB, RSS outside the heap %.1f KiB, "
					+ "RSS %.1f KiB per task", variant.name(), row.held(), kind, held.answered(), held.retried(),
					held.failed(), (held.firstFailure() != null) ? ", the first: " + held.firstFailure() : "",
					row.liveHeapPerTask() / 1024, row.outsideHeapRssPerTask() / 1024, row.rssPerTask() / 1024);
			return row;
		}
	}

	/**
	 * Opens {@code count} requests; with a {@code gauge}, waits until the service counts
	 * them all (a warm-up that must not overlap the measurement).
	 */
	private HeldRequests hold(ServiceUnderTest service, URI base, int count, IntFunction<String> request, String gauge)
			throws Exception {
		HeldRequests held = HeldRequests.open(base.getHost(), base.getPort(), count, this.perSecond, request);
		if (gauge != null) {
			awaitGauge(service, gauge, count, Duration.ofSeconds(30));
		}
		else {
			Thread.sleep(2_000);
		}
		return held;
	}

	/**
	 * Polls {@code gauge} on the service's metrics until it reaches {@code target} (or,
	 * for 0, falls to it), or until it has not moved for 30 s, or {@code limit}; its last
	 * value.
	 */
	private double awaitGauge(ServiceUnderTest service, String gauge, int target, Duration limit)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		double value = gauge(service, gauge);
		double last = value;
		long lastMove = System.nanoTime();
		while ((target == 0) ? value > 0 : value < target) {
			if (System.nanoTime() > deadline || System.nanoTime() - lastMove > Duration.ofSeconds(30).toNanos()) {
				break;
			}
			Thread.sleep(500);
			value = gauge(service, gauge);
			if (value != last) {
				last = value;
				lastMove = System.nanoTime();
			}
		}
		return value;
	}

	private double gauge(ServiceUnderTest service, String gauge) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(service.metrics()).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		Double value = PrometheusText.parse(response.body()).sum(gauge);
		return (value != null) ? value : 0;
	}

	/** The limits that would otherwise decide the measurement, raised for it. */
	private Map<String, String> limitsRaised(int outbound) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("BFF_ADMISSION_MAXCONCURRENT", Integer.toString(this.tasks + WARM_UP_TASKS));
		environment.put("BFF_PRICES_MAXSTREAMS", Integer.toString(this.tasks + WARM_UP_TASKS));
		environment.put("SERVER_TOMCAT_MAXCONNECTIONS", Integer.toString(this.tasks + DESCRIPTORS_SPARE));
		environment.put("SERVER_JETTY_MAXCONNECTIONS", Integer.toString(this.tasks + DESCRIPTORS_SPARE));
		// Jetty's idle timeout (loom-jetty) also ends a request being handled with no I/O
		// pending, as a home request waiting on its downstream is; Tomcat's read timeout
		// does not
		environment.put("SERVER_JETTY_CONNECTIONIDLETIMEOUT", HOME_DEADLINE.toString());
		environment.put("BFF_HOME_DEADLINE", HOME_DEADLINE.toString());
		environment.put("BFF_DOWNSTREAM_RECOMMENDATIONSTIMEOUT", HOME_DEADLINE.toString());
		environment.put("BFF_DOWNSTREAM_PROMOTIONSTIMEOUT", HOME_DEADLINE.toString());
		environment.put("BFF_DOWNSTREAM_MAXCONNECTIONS", Integer.toString(outbound));
		return environment;
	}

	/**
	 * The downstream pool: as many connections as there are tasks, within the open-file
	 * limit less the inbound connections and a spare.
	 */
	static int downstreamConnections(int tasks) {
		long limit = (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)
				? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
		return (int) Math.max(1, Math.min(tasks, limit - tasks - DESCRIPTORS_SPARE));
	}

	private String conditions(int outbound) {
		return ("Each variant started as the comparison starts it (%s, pinned to CPU(s) %s), against a fresh "
				+ "database; memory read after a full GC (jcmd GC.run, GC.heap_info, /proc/PID/smaps) with no task "
				+ "open, then with %,d tasks open, opened %,d a second. Limits raised for the measurement: admission "
				+ "and stream caps %,d, the servlet container's max-connections %,d, home deadline and downstream timeouts %s, "
				+ "downstream pool %,d connections; the stub answered the home page's recommendations after %s "
				+ "(its promotions wait on them). %s, %d cores, JDK %s.")
			.formatted(String.join(" ", dev.loomflux.launcher.ServiceProcess.JVM_FLAGS), this.serviceCpus, this.tasks,
					this.perSecond, this.tasks + WARM_UP_TASKS, this.tasks + DESCRIPTORS_SPARE, HOME_DEADLINE, outbound,
					DOWNSTREAM_DELAY, Machine.cpuModel(), Machine.onlineCores(), Runtime.version());
	}

	private static String streamRequest(int i) {
		long first = (i % 99) + 1;
		return "GET /api/prices/stream?ids=" + first + "," + (first + 1) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Accept: text/event-stream\r\n\r\n";
	}

	private static String homeRequest(int i) {
		int customer = (i % CUSTOMERS) + 1;
		return "GET /api/customers/" + customer + "/home HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
				+ "Authorization: Bearer " + Tokens.of(customer) + "\r\n\r\n";
	}

	private static double value(BaseMemory memory, boolean heap) {
		if (memory == null) {
			return Double.NaN;
		}
		return heap ? memory.liveHeapBytes() : memory.outsideHeapRssBytes();
	}

	private static double rss(ServiceUnderTest service) {
		ProcStat stat = ProcStat.of(service.pid());
		return (stat != null) ? stat.rssBytes() : Double.NaN;
	}

	/** The service log's line that says why it stopped, if it says so. */
	private static String lastWords(Path log) {
		try (java.util.stream.Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains("OutOfMemoryError") || line.contains("Terminating"))
				.findFirst()
				.map(String::strip)
				.orElse("no reason in its log");
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return "its log unreadable";
		}
	}

	private static String join(String first, String second) {
		return (first == null) ? second : first + "; " + second;
	}

	private static void say(String format, Object... arguments) {
		System.out.printf("%s %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
				String.format(format, arguments));
		System.out.flush();
	}

	/**
	 * The command line as {@code main} runs it: a wrong option gets one line saying what
	 * is wrong (exit code 2), as {@code compare}'s.
	 */
	static CommandLine commandLine() {
		return CompareCommand.withOneLineErrors(new FootprintCommand());
	}

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

}
