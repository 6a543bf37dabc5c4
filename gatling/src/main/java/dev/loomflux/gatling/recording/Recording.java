package dev.loomflux.gatling.recording;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.loomflux.gatling.Plan;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

/**
 * Wraps a Gatling request so that its response lands in this JVM's
 * {@link LatencyRecorder}. Latency is measured here, with {@link System#nanoTime()}, from
 * the moment the virtual user sends the request (its scheduled arrival, with open
 * injection) to the moment Gatling has its checks done: microsecond resolution, where
 * Gatling's own response time has milliseconds.
 */
public final class Recording {

	/**
	 * Set by a request's checks: the response's HTTP status, when there was a response.
	 */
	public static final String STATUS = "loomflux.status";

	/** Set by the recorder: whether the user's last recorded request succeeded. */
	public static final String LAST_OK = "loomflux.lastOk";

	private static final String SENT_NANOS = "loomflux.sentNanos";

	private static final String SENT_MILLIS = "loomflux.sentMillis";

	private static volatile LatencyRecorder recorder;

	private static volatile long startMillis;

	/** Requests sent and not yet answered, across all users of this JVM. */
	private static final java.util.concurrent.atomic.AtomicInteger IN_FLIGHT = new java.util.concurrent.atomic.AtomicInteger();

	private static volatile int maxInFlight = Integer.MAX_VALUE;

	private static volatile boolean begun;

	private Recording() {
	}

	/**
	 * Called from a simulation's {@code before()}: injection starts now. An open-model
	 * run stops itself once more than {@code maxInFlight} requests are unanswered: the
	 * service has collapsed, later (higher) steps would only measure the load generator
	 * running out of sockets, and a service without admission control would run out of
	 * memory. Closed-model runs pass {@link Integer#MAX_VALUE}: their users bound what is
	 * in flight.
	 */
	public static void start(Plan plan, int maxInFlight) {
		startMillis = System.currentTimeMillis();
		Recording.maxInFlight = maxInFlight;
		IN_FLIGHT.set(0);
		begun = false;
		recorder = new LatencyRecorder(plan, startMillis);
	}

	/** Called from a simulation's {@code after()}. */
	public static void finish() {
		try {
			recorder.write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** When injection started; closed-model users loop until a time relative to it. */
	public static long startMillis() {
		return startMillis;
	}

	/** {@code request}, timed and recorded under {@code name}. */
	public static ChainBuilder timed(String name, ActionBuilder request) {
		return exec(stopLoadGeneratorIf((session) -> recorder.stopReason(), (session) -> fallenBehind()))
			.exec((session) -> sent(name, session))
			.exec(request)
			.exec((session) -> record(name, session));
	}

	/**
	 * A population of one user that starts the step clock: Gatling starts every
	 * population at the same moment, a little after {@code before()}, and steps must be
	 * timed from then, or a step's window would start early and count too few requests.
	 * Every simulation adds it to its setUp.
	 */
	public static PopulationBuilder clock() {
		return scenario("loomflux step clock").exec((session) -> {
			begin();
			return session;
		}).injectOpen(atOnceUsers(1));
	}

	private static synchronized void begin() {
		if (!begun) {
			startMillis = System.currentTimeMillis();
			recorder.begin(startMillis);
			begun = true;
		}
	}

	private static boolean fallenBehind() {
		int unanswered = IN_FLIGHT.get();
		if (unanswered > maxInFlight) {
			recorder.stop("the service fell " + unanswered + " requests behind");
			return true;
		}
		return false;
	}

	private static Session sent(String name, Session session) {
		IN_FLIGHT.incrementAndGet();
		long now = System.currentTimeMillis();
		recorder.sent(name, now);
		return session.set(SENT_NANOS, System.nanoTime()).set(SENT_MILLIS, now).remove(STATUS);
	}

	private static Session record(String name, Session session) {
		IN_FLIGHT.decrementAndGet();
		long micros = (System.nanoTime() - session.getLong(SENT_NANOS)) / 1000;
		long sentAt = session.getLong(SENT_MILLIS);
		boolean ok = !session.isFailed();
		if (ok) {
			recorder.recordOk(name, sentAt, micros);
		}
		else {
			String cause = session.contains(STATUS) ? Integer.toString(session.getInt(STATUS)) : "no-response";
			recorder.recordKo(name, sentAt, cause);
		}
		// a failure is counted once, here;
		// the user's next request starts with a clean slate
		return session.markAsSucceeded().set(LAST_OK, ok);
	}

}
