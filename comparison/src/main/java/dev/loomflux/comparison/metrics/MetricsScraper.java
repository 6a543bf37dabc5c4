package dev.loomflux.comparison.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes a service's {@code /actuator/prometheus} (on its management port) and its /proc
 * entry every {@code periodMillis} while a scenario runs, and with each scrape samples
 * the machine ({@link MachineSample}: steal, the service's cores, the databases). Runs in
 * the comparison run's JVM, on the load generator's cores, never on the service's.
 */
public final class MetricsScraper implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final Path PROC = Path.of("/proc");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final URI endpoint;

	private final long pid;

	private final List<Scrape> scrapes = new ArrayList<>();

	private final List<MachineSample> machine = new ArrayList<>();

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("scraper").daemon().factory());

	private MetricsScraper(URI endpoint, long pid) {
		this.endpoint = endpoint;
		this.pid = pid;
	}

	/**
	 * Starts scraping now and every {@code periodMillis} until {@link #close()}.
	 * @param endpoint the service's {@code /actuator/prometheus}; null for none (a remote
	 * service given without)
	 * @param pid the service's process id; -1 for a remote service: its CPU time then
	 * comes from its metrics, and there is no /proc to read
	 */
	public static MetricsScraper start(URI endpoint, long pid, int periodMillis) {
		MetricsScraper scraper = new MetricsScraper(endpoint, pid);
		scraper.timer.scheduleAtFixedRate(scraper::scrapeOnce, 0, periodMillis, TimeUnit.MILLISECONDS);
		return scraper;
	}

	/** One scrape now, with no schedule (for idle figures). */
	public static Scrape once(URI endpoint, long pid) {
		return new MetricsScraper(endpoint, pid).fetch();
	}

	public synchronized List<Scrape> scrapes() {
		return List.copyOf(this.scrapes);
	}

	public synchronized List<MachineSample> machineSamples() {
		return List.copyOf(this.machine);
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		scrapeOnce();
	}

	private void scrapeOnce() {
		long now = System.currentTimeMillis();
		// one read of the service's /proc files for both: it walks every thread
		ProcStat proc = serviceStat();
		MachineSample sample = MachineSample.take(PROC, this.pid, proc, now);
		Scrape scrape = fetch(now, proc);
		synchronized (this) {
			this.machine.add(sample);
			this.scrapes.add(scrape);
		}
	}

	private Scrape fetch() {
		return fetch(System.currentTimeMillis(), serviceStat());
	}

	private ProcStat serviceStat() {
		return (this.pid > 0) ? ProcStat.of(this.pid) : null;
	}

	private Scrape fetch(long now, ProcStat proc) {
		if (this.endpoint == null) {
			return Scrape.procOnly(now, proc);
		}
		try {
			HttpResponse<String> reply = this.client.send(
					HttpRequest.newBuilder(this.endpoint).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			if (reply.statusCode() == 200) {
				return Scrape.of(now, PrometheusText.parse(reply.body()), proc);
			}
		}
		catch (java.io.IOException ex) {
			// a service too busy to answer a scrape in time:
			// its /proc figures still count
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Scrape.procOnly(now, proc);
	}

}
