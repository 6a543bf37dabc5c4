package dev.loomflux.comparison;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.loomflux.comparison.metrics.ProcStat;

/**
 * Before any variant runs: can the downstream stub hold as many slow calls at once as the
 * run's largest closed step will send it? Every call is opened at once, one connection
 * each, the stub answering after {@link #LATENCY}; the run's notes say how many
 * succeeded, how long they took and the stub's memory and threads while it held them. A
 * stub that could not would cap every variant alike and hide their differences.
 */
final class StubCapacity {

	static final Duration LATENCY = Duration.ofSeconds(2);

	private StubCapacity() {
	}

	/** One line for the run's notes. */
	static String measure(DownstreamStub stub, int concurrent) throws IOException, InterruptedException {
		stub.behave(Map.of("recommendations", Map.of("latency", LATENCY.toString())));
		ProcStat idle = ProcStat.of(stub.pid());
		String idleThreads = threads(stub.pid());
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
		try (HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.connectTimeout(Duration.ofSeconds(30))
			.build()) {
			List<CompletableFuture<?>> calls = new ArrayList<>();
			for (int i = 0; i < concurrent; i++) {
				long sent = System.nanoTime();
				HttpRequest request = HttpRequest.newBuilder(URI.create(stub.url() + "/recommendations/" + (i + 1)))
					.timeout(LATENCY.plusSeconds(60))
					.build();
				calls
					.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((reply, ex) -> {
						if (ex == null && reply.statusCode() == 200) {
							ok.incrementAndGet();
							millis.add((System.nanoTime() - sent) / 1_000_000);
						}
						else {
							failed.incrementAndGet();
						}
					}));
			}
			// connecting thousands of clients at once takes a while on a busy machine:
			// sample the stub until every call has ended, keeping the peaks
			CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
				.exceptionally((ex) -> null);
			double peakRss = (idle != null) ? idle.rssBytes() : 0;
			int peakThreads = parse(idleThreads);
			while (!all.isDone()) {
				ProcStat now = ProcStat.of(stub.pid());
				peakRss = Math.max(peakRss, (now != null) ? now.rssBytes() : 0);
				peakThreads = Math.max(peakThreads, parse(threads(stub.pid())));
				Thread.sleep(250);
			}
			List<Long> sorted = millis.stream().sorted().toList();
			return "stub capacity: %d slow calls (%d ms each) opened at once: %d ok, %d failed, p50 %s ms, max %s ms (connecting included); stub RSS %s MiB idle, peak %d MiB; threads %s idle, peak %d"
				.formatted(concurrent, LATENCY.toMillis(), ok.get(), failed.get(),
						sorted.isEmpty() ? "-" : sorted.get(sorted.size() / 2),
						sorted.isEmpty() ? "-" : sorted.getLast(), mib(idle), Math.round(peakRss / (1024 * 1024)),
						idleThreads, peakThreads);
		}
		finally {
			stub.behave(Map.of());
		}
	}

	private static String mib(ProcStat stat) {
		return (stat != null) ? Long.toString(Math.round(stat.rssBytes() / (1024 * 1024))) : "?";
	}

	private static int parse(String threads) {
		try {
			return Integer.parseInt(threads);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String threads(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith("Threads:"))
				.map((line) -> line.substring("Threads:".length()).strip())
				.findFirst()
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
