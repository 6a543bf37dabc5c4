package dev.loomflux.overload;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;

/**
 * An open-model load for tests: requests leave on a fixed schedule, each on a virtual
 * thread of its own, whether or not the earlier ones have been answered, so a service
 * that slows down meets more requests in flight, not fewer (as a closed loop of clients
 * would let it). The Gatling scenarios of the comparison do the same at scale; this is
 * the few hundred requests a test needs, with nothing between the test and the service
 * but the JDK's HTTP client.
 */
final class OpenLoad {

	private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

	private OpenLoad() {
	}

	/**
	 * Sends {@code perSecond} requests a second for {@code duration}, the i-th to
	 * {@code path.apply(i)}, runs {@code sampler} every 200 ms meanwhile, and waits for
	 * every answer.
	 */
	static List<Outcome> send(HttpApi api, IntFunction<String> path, int perSecond, Duration duration,
			Runnable sampler) {
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		int count = (int) (duration.toNanos() / interval);
		List<Future<Outcome>> pending = new ArrayList<>(count);
		try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<?> sampling = requests.submit(() -> sampleUntilInterrupted(sampler));
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				LockSupport.parkNanos(start + i * interval - System.nanoTime());
				String target = path.apply(i);
				pending.add(requests.submit(() -> Outcome.of(api, target)));
			}
			List<Outcome> outcomes = new ArrayList<>(count);
			for (Future<Outcome> outcome : pending) {
				outcomes.add(outcome.get(60, TimeUnit.SECONDS));
			}
			sampling.cancel(true);
			return outcomes;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("a request of the load never finished", ex);
		}
	}

	private static void sampleUntilInterrupted(Runnable sampler) {
		while (!Thread.currentThread().isInterrupted()) {
			sampler.run();
			try {
				Thread.sleep(SAMPLE_EVERY);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	static Summary summarize(List<Outcome> outcomes) {
		List<Outcome> ok = outcomes.stream().filter(Outcome::isOk).toList();
		List<Outcome> refused = outcomes.stream().filter(Outcome::isRefusal).toList();
		List<String> other = outcomes.stream()
			.filter((outcome) -> outcome.status() > 0 && !outcome.isOk() && !outcome.isRefusal())
			.map((outcome) -> outcome.status() + " " + outcome.code())
			.distinct()
			.toList();
		long transportErrors = outcomes.stream().filter((outcome) -> outcome.status() == 0).count();
		return new Summary(outcomes.size(), ok.size(), refused.size(), other, transportErrors, median(ok),
				median(refused));
	}

	private static long median(List<Outcome> outcomes) {
		long[] millis = outcomes.stream().mapToLong(Outcome::millis).sorted().toArray();
		return (millis.length == 0) ? -1 : millis[millis.length / 2];
	}

	/**
	 * One request's answer: status 0 for a transport error (reset, refused, timed out).
	 */
	record Outcome(int status, String code, String retryAfter, long millis) {

		static Outcome of(HttpApi api, String path) {
			long start = System.nanoTime();
			try {
				Reply reply = api.get(path);
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				String code = (reply.status() >= 400) ? reply.json().path("code").asString() : null;
				return new Outcome(reply.status(), code, reply.header("Retry-After"), millis);
			}
			catch (UncheckedIOException ex) {
				return new Outcome(0, ex.getCause().toString(), null,
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
		}

		boolean isOk() {
			return this.status == 200;
		}

		boolean isRefusal() {
			return this.status == 503 && "OVERLOADED".equals(this.code) && this.retryAfter != null;
		}

	}

	/** Counts and median latencies of one load; {@code -1} where nothing was counted. */
	record Summary(int sent, int ok, int refused, List<String> other, long transportErrors, long okMedianMillis,
			long refusedMedianMillis) {

		@Override
		public String toString() {
			return "%d sent: %d ok (median %d ms), %d refused with 503 OVERLOADED (median %d ms), %d other %s, %d transport errors"
				.formatted(this.sent, this.ok, this.okMedianMillis, this.refused, this.refusedMedianMillis,
						this.other.size(), this.other, this.transportErrors);
		}

	}

}
