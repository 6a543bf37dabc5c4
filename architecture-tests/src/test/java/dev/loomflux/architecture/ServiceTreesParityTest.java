package dev.loomflux.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parity rule, checked: the two services' trees ({@code src/main}, Java sources and
 * resources) pair file by file, with the same relative paths, except for the files listed
 * here, each with the reason it has no twin. A file added to one service only fails this
 * test until its twin is added to the other, or it is listed here with its reason. The
 * files both services need word for word are compared byte for byte.
 * <p>
 * It lives in architecture-tests, with the layering rules, because it reads both
 * services' trees and neither service's tests can see the other's; the module is built
 * after both, so {@code ./mvnw verify} runs it. It reads the files, not a class path.
 * <p>
 * The mirrored classes do not declare the same method names, so that is not asserted:
 * filters override the framework's methods ({@code doFilterInternal} against
 * {@code filter}), and a few methods exist on one side only (service-reactive's
 * {@code insights.inline} setting, service-loom's {@code handleUndecodableParameters}).
 */
class ServiceTreesParityTest {

	private static final String BFF = "java/dev/loomflux/bff/";

	/** Files of service-loom's {@code src/main} with no twin, and why. */
	private static final Map<String, String> ONLY_IN_LOOM = Map.ofEntries(
			entry(BFF + "LoomApplication.java",
					"the main class, named after its model: its twin is ReactiveApplication"),
			entry(BFF + "home/FanOut.java",
					"a request's concurrent branches on virtual threads under one deadline "
							+ "(StructuredTaskScope is still a preview API); in service-reactive "
							+ "the branches are subscriptions of one Reactor composition"),
			entry(BFF + "system/MalformedQueryFilter.java",
					"Tomcat decodes a query only when a route reads a parameter, so a malformed query "
							+ "is refused here, on every route; service-reactive's NettyErrorsConfig "
							+ "refuses it before Spring"),
			entry(BFF + "system/TomcatErrorsConfig.java",
					"Tomcat answers some requests itself (malformed URI, oversized header, /WEB-INF, "
							+ "TRACE, a stalled body) with an HTML page: this valve makes it a problem "
							+ "detail; service-reactive: NettyErrorsConfig, BodyReadTimeoutConfig"));

	/** Files of service-reactive's {@code src/main} with no twin, and why. */
	private static final Map<String, String> ONLY_IN_REACTIVE = Map.ofEntries(
			entry(BFF + "ReactiveApplication.java",
					"the main class, named after its model: its twin is LoomApplication"),
			entry(BFF + "system/AcceptHeaderFilter.java",
					"WebFlux fails on an Accept header that does not parse (an empty 406 or a 500); "
							+ "Spring MVC answers 406 NOT_ACCEPTABLE by itself"),
			entry(BFF + "system/BodyReadTimeoutConfig.java",
					"Reactor Netty has no bound on a body that stops arriving; service-loom gets the "
							+ "same 408 from Tomcat's connection-timeout and TomcatErrorsConfig"),
			entry(BFF + "system/DroppedErrorsConfig.java",
					"Reactor logs a client's reset mid-body a second time, as a dropped error at "
							+ "ERROR; Tomcat has no such path"),
			entry(BFF + "system/NettyErrorsConfig.java",
					"Reactor Netty answers some malformed requests itself, with an empty body, and lets "
							+ "through others that Tomcat refuses: this refuses them all with the 400 "
							+ "problem that TomcatErrorsConfig and MalformedQueryFilter give"),
			entry(BFF + "system/NettyMetricsConfig.java",
					"gauges of the event loop's backlog and Netty's direct memory; service-loom runs "
							+ "on Tomcat and has no event loop"),
			entry(BFF + "system/NettyProblems.java",
					"problem details written straight onto a Netty channel, for NettyErrorsConfig "
							+ "and BodyReadTimeoutConfig; Tomcat's valve writes its own"));

	/**
	 * Twins that are the same file: they use only APIs both stacks have (Spring Boot's
	 * Redis properties, Lettuce's options, Micrometer, Flyway over JDBC, Spring
	 * Security's token validators), and a difference would make the services' Redis
	 * behaviour, meters, start-up or token checks differ.
	 */
	private static final Set<String> IDENTICAL = Set.of(BFF + "system/MetricsConfig.java",
			BFF + "system/Migrations.java", BFF + "system/RedisConfig.java", BFF + "system/RedisUris.java",
			BFF + "security/TokenValidators.java");

	@Test
	void shouldPairEveryFileOfServiceLoomWithItsTwinUnlessListed() {
		assertOnlyListedFilesLackATwin("service-loom", "service-reactive", ONLY_IN_LOOM);
	}

	@Test
	void shouldPairEveryFileOfServiceReactiveWithItsTwinUnlessListed() {
		assertOnlyListedFilesLackATwin("service-reactive", "service-loom", ONLY_IN_REACTIVE);
	}

	@Test
	void shouldKeepTheSharedFilesIdenticalByteForByte() throws IOException {
		for (String file : new TreeSet<>(IDENTICAL)) {
			Path loom = Modules.path("service-loom/src/main").resolve(file);
			Path reactive = Modules.path("service-reactive/src/main").resolve(file);
			assertThat(Files.mismatch(loom, reactive))
				.withFailMessage("%s differs between the services from byte %d on; it must stay identical "
						+ "(change both in the same commit)", file, Files.mismatch(loom, reactive))
				.isEqualTo(-1L);
		}
	}

	private static void assertOnlyListedFilesLackATwin(String service, String other, Map<String, String> listed) {
		Set<String> withoutTwin = new TreeSet<>(files(service));
		withoutTwin.removeAll(files(other));
		Set<String> unlisted = new TreeSet<>(withoutTwin);
		unlisted.removeAll(listed.keySet());
		Set<String> stale = new TreeSet<>(listed.keySet());
		stale.removeAll(withoutTwin);
		assertThat(unlisted)
			.withFailMessage(
					"%s has files %s lacks: %s%nAdd the twin to %s (same path), or list the file "
							+ "in ServiceTreesParityTest with the reason it needs none.",
					service, other, unlisted, other)
			.isEmpty();
		assertThat(stale)
			.withFailMessage("ServiceTreesParityTest lists files of %s as having no twin, but they now have "
					+ "one or are gone: %s%nRemove them from the list.", service, stale)
			.isEmpty();
	}

	/** Every file of a service's {@code src/main}, relative to it. */
	private static Set<String> files(String service) {
		Path main = Modules.path(service + "/src/main");
		try (Stream<Path> paths = Files.walk(main)) {
			return paths.filter(Files::isRegularFile)
				.map((path) -> main.relativize(path).toString().replace('\\', '/'))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + main, ex);
		}
	}

}
