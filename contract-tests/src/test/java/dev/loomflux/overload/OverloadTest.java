package dev.loomflux.overload;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.loomflux.testsupport.DownstreamStub;
import dev.loomflux.testsupport.HttpApi;
import dev.loomflux.testsupport.HttpApi.Reply;
import dev.loomflux.testsupport.JarProcess;
import dev.loomflux.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three times the load a service can take, then ordinary load again, against each model
 * started from its jar as a user runs it: virtual threads, platform threads and the event
 * loop. A service limited by {@code bff.admission.max-concurrent} to {@value #ADMITTED}
 * home pages in flight, each waiting {@value #RECOMMENDATIONS_MILLIS} ms for the
 * downstream, can take about {@code ADMITTED / latency} pages a second: that is its knee,
 * and an open-model load ({@link OpenLoad}: requests sent on a schedule, whether or not
 * earlier ones have been answered) sends three times as many.
 * <p>
 * Each model must keep answering throughout: successes, and 503 {@code OVERLOADED} with
 * {@code Retry-After} for the excess, answered without waiting for the downstream, and
 * nothing else (no timeouts, no resets, no 500s). Its platform threads must stay within
 * Tomcat's pool (no thread per queued request), it must not run out of memory, and once
 * the load drops it must answer every request again, with no restart. The figures of each
 * run are printed, not asserted: the machine is shared and its speed varies.
 */
class OverloadTest {

	private static final int ADMITTED = 8;

	private static final int RECOMMENDATIONS_MILLIS = 250;

	/** About the pages per second the admitted requests can complete. */
	private static final int KNEE_PER_SECOND = ADMITTED * 1000 / (RECOMMENDATIONS_MILLIS + 20);

	private static final Duration OVERLOAD = Duration.ofSeconds(6);

	/**
	 * Tomcat's pool in the platform profile, and the most it may add to a JVM's threads.
	 */
	private static final int TOMCAT_MAX_THREADS = 200;

	private static final DownstreamStub STUB = DownstreamStub.get();

	@BeforeAll
	static void slowRecommendations() {
		STUB.behave("recommendations", "{\"latency\":\"PT" + RECOMMENDATIONS_MILLIS / 1000.0 + "S\"}");
	}

	@AfterAll
	static void resetStub() {
		STUB.reset();
	}

	static Stream<Arguments> models() {
		return Stream.of(Arguments.of("service-loom", "service-loom-overload", ""),
				Arguments.of("service-loom", "service-loom-platform-overload", "platform"),
				Arguments.of("service-reactive", "service-reactive-overload", ""));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("models")
	void shouldRefuseTheExcessFastAndRecoverAtThreeTimesTheKnee(String jar, String name, String profile) {
		Map<String, String> environment = new HashMap<>(TestInfrastructure.get().environment());
		environment.put("BFF_DOWNSTREAM_URL", STUB.url());
		environment.put("BFF_ADMISSION_MAXCONCURRENT", Integer.toString(ADMITTED));
		environment.put("SPRING_PROFILES_ACTIVE", profile);
		try (JarProcess service = JarProcess.start(jar, name, environment)) {
			// each home page with its customer's token, as each customer's browser sends
			// it
			HttpApi api = service.api().asEachCustomer();
			HttpApi management = HttpApi.onPort(service.managementPort());
			warmUp(api);
			int threadsBefore = liveThreads(management);
			AtomicInteger peakThreads = new AtomicInteger(threadsBefore);

			List<OpenLoad.Outcome> outcomes = OpenLoad.send(api, homePages(), 3 * KNEE_PER_SECOND, OVERLOAD,
					() -> peakThreads.accumulateAndGet(liveThreads(management), Math::max));
			OpenLoad.Summary summary = OpenLoad.summarize(outcomes);
			System.out.printf("%s at %d pages/s (3x its knee of about %d/s) for %s: %s; platform threads %d -> %d%n",
					name, 3 * KNEE_PER_SECOND, KNEE_PER_SECOND, OVERLOAD, summary, threadsBefore, peakThreads.get());

			assertThat(summary.transportErrors()).as("every request answered: %s", summary).isZero();
			assertThat(summary.other()).as("only 200 and 503 OVERLOADED with Retry-After: %s", summary).isEmpty();
			assertThat(summary.ok()).as("successes throughout: %s", summary).isPositive();
			assertThat(summary.refused()).as("the excess refused: %s", summary).isPositive();
			assertThat(summary.refusedMedianMillis())
				.as("a refusal does not wait for the downstream as a success does: %s", summary)
				.isLessThan(summary.okMedianMillis());
			assertThat(peakThreads.get()).as("platform threads under overload")
				.isLessThanOrEqualTo(threadsBefore + TOMCAT_MAX_THREADS);

			// the load drops: one request at a time, each must succeed again
			for (int i = 0; i < 20; i++) {
				Reply reply = api.get(homePage(i));
				assertThat(reply.status()).as("after the overload, request %d: %s", i, reply).isEqualTo(200);
				assertThat(reply.json().get("degraded").toString()).isEqualTo("[]");
			}
			assertThat(service.isAlive()).isTrue();
			assertThat(service.log()).doesNotContain("OutOfMemoryError").doesNotContain("Unexpected failure");
		}
	}

	/**
	 * The JIT compiles the home page's code before the overload, not during it: 200
	 * pages, as many at a time as are admitted.
	 */
	private static void warmUp(HttpApi api) {
		for (int batch = 0; batch < 200 / ADMITTED; batch++) {
			int first = batch * ADMITTED;
			List<String> pages = IntStream.range(first, first + ADMITTED).mapToObj(OverloadTest::homePage).toList();
			assertThat(api.getConcurrently(pages)).as("warm-up").containsOnly(200);
		}
	}

	private static java.util.function.IntFunction<String> homePages() {
		return OverloadTest::homePage;
	}

	private static String homePage(int i) {
		return "/api/customers/" + (1 + i % 500) + "/home";
	}

	/** {@code jvm_threads_live_threads}: platform threads only, virtual ones aside. */
	private static int liveThreads(HttpApi management) {
		String metrics = management.get("/actuator/prometheus").text();
		return metrics.lines()
			.filter((line) -> line.startsWith("jvm_threads_live_threads"))
			.map((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.mapToInt((value) -> (int) Double.parseDouble(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no jvm_threads_live_threads in /actuator/prometheus"));
	}

}
