package dev.loomflux.gatling.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * {@link LatencyRecorder}. Latency is measured here, with {@link System#nanoTime()} at
 * microsecond resolution (Gatling's own response time has milliseconds), to the moment
 * Gatling has its checks done, from the request's timing origin:
 * <ul>
 * <li>in an open-model population ({@link #arrival}), the first request of each virtual
 * user is timed from the user's intended start in Gatling's schedule, so when the load
 * generator starts a user late (a GC pause, the JIT, a saturated core) the delay counts
 * as latency instead of being hidden (coordinated omission), and the lateness is recorded
 * per step;</li>
 * <li>every other request (closed-model users, a user's retry or replay, which wait for
 * an earlier answer by design) is timed from the moment it is sent.</li>
 * </ul>
 */
public final class Recording {

	/**
	 * Set by a request's checks: the response's HTTP status, when there was a response.
	 */
	public static final String STATUS = "loomflux.status";

	/** Set by the recorder: whether the user's last recorded request succeeded. */
	public static final String LAST_OK = "loomflux.lastOk";

	/** The user's offset in its population's schedule, until its first request. */
	private static final String OFFSET_NANOS = "loomflux.offsetNanos";

	/** What the request's latency is timed from: its intended time, or its send. */
	private static final String ORIGIN_NANOS = "loomflux.originNanos";

	/** The request's step, as milliseconds from the start of injection. */
	private static final String AT_MILLIS = "loomflux.atMillis";

	private static volatile LatencyRecorder recorder;

	private static volatile Plan plan;

	private static volatile long startMillis;

	/** One reading of both clocks, to turn nanoTime moments into epoch milliseconds. */
	private static volatile long anchorMillis;

	private static volatile long anchorNanos;

	/**
	 * The start of injection on the {@link System#nanoTime()} clock: the earliest of
	 * (when a scheduled user started - its offset). Gatling never starts a user before
	 * its offset, so each user's start bounds the start of injection from above and the
	 * minimum is its best estimate; the step clock's user counts with offset 0.
	 */
	private static final AtomicLong INJECTION_START_NANOS = new AtomicLong(Long.MAX_VALUE);

	/** Requests sent and not yet answered, across all users of this JVM. */
	private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

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
	 * in flight. {@code schedules} are those of the open-model populations, whose planned
	 * users the recorder counts per step.
	 */
	public static void start(Plan plan, int maxInFlight, List<Schedule> schedules) {
		Recording.plan = plan;
		anchorNanos = System.nanoTime();
		anchorMillis = System.currentTimeMillis();
		startMillis = anchorMillis;
		INJECTION_START_NANOS.set(Long.MAX_VALUE);
		Recording.maxInFlight = maxInFlight;
		IN_FLIGHT.set(0);
		begun = false;
		recorder = new LatencyRecorder(plan, startMillis);
		schedules.forEach(recorder::plan);
	}

	/** Called from a simulation's {@code after()}. */
	public static void finish() {
		try {
			// later users may have shown that injection began a little earlier
			recorder.begin(epochMillis(INJECTION_START_NANOS.get()));
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

	/**
	 * The first action of an open-model population injected by {@code schedule}'s steps:
	 * gives the starting user its intended time, which its first timed request is
	 * measured from; pass the same schedule to {@link #start}.
	 */
	public static ChainBuilder arrival(Schedule schedule) {
		return exec((session) -> {
			long now = System.nanoTime();
			long offset = schedule.nextOffsetNanos();
			if (offset < 0) {
				return session;
			}
			INJECTION_START_NANOS.accumulateAndGet(now - offset, Math::min);
			return session.set(OFFSET_NANOS, offset);
		});
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
			long origin = INJECTION_START_NANOS.accumulateAndGet(System.nanoTime(), Math::min);
			startMillis = epochMillis(origin);
			recorder.begin(startMillis);
			long[] boundaries = new long[plan.steps().size() + 1];
			for (int index = 0; index < boundaries.length; index++) {
				boundaries[index] = 1_000_000_000L * plan.secondsBefore(index);
			}
			recorder.measureCpu(new ProcessCpu(origin, boundaries));
			begun = true;
		}
	}

	private static long epochMillis(long nanos) {
		return anchorMillis + (nanos - anchorNanos) / 1_000_000;
	}

	/** Milliseconds from the start of injection to a moment on the nanoTime clock. */
	private static long elapsedMillis(long nanos) {
		long origin = INJECTION_START_NANOS.get();
		return (origin == Long.MAX_VALUE) ? 0 : (nanos - origin) / 1_000_000;
	}

	private static boolean fallenBehind() {
		int unanswered = IN_FLIGHT.get();
		if (unanswered > maxInFlight) {
			recorder.stop("the service fell " + unanswered + " requests behind", elapsedMillis(System.nanoTime()));
			return true;
		}
		return false;
	}

	private static Session sent(String name, Session session) {
		IN_FLIGHT.incrementAndGet();
		long now = System.nanoTime();
		long origin = now;
		Long latenessMicros = null;
		if (session.contains(OFFSET_NANOS)) {
			origin = INJECTION_START_NANOS.get() + session.getLong(OFFSET_NANOS);
			latenessMicros = Math.max(0, now - origin) / 1000;
			// the user's later requests wait for this one by design
			session = session.remove(OFFSET_NANOS);
		}
		long at = elapsedMillis(origin);
		recorder.sent(name, at, latenessMicros);
		return session.set(ORIGIN_NANOS, origin).set(AT_MILLIS, at).remove(STATUS);
	}

	private static Session record(String name, Session session) {
		IN_FLIGHT.decrementAndGet();
		long origin = session.getLong(ORIGIN_NANOS);
		long micros = (System.nanoTime() - origin) / 1000;
		long at = session.getLong(AT_MILLIS);
		boolean ok = !session.isFailed();
		if (ok) {
			recorder.recordOk(name, at, micros);
		}
		else {
			String cause = session.contains(STATUS) ? Integer.toString(session.getInt(STATUS)) : "no-response";
			recorder.recordKo(name, at, micros, cause);
		}
		// a failure is counted once, here;
		// the user's next request starts with a clean slate
		return session.markAsSucceeded().set(LAST_OK, ok);
	}

}
