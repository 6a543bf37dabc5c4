package dev.loomflux.architecture;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering the code promises, checked on the compiled classes (ArchUnit):
 * shared-domain is framework-free, each service uses only its own stack's APIs, and the
 * load generator does not reach into the comparison harness.
 * <p>
 * Both services are {@code dev.loomflux.bff}, class for class, so neither can import the
 * other's packages by name: each is compiled on a class path without the other. What can
 * creep in is the other model's stack, which both class paths partly carry (Lettuce
 * brings Netty and Reactor to service-loom; Flyway brings JDBC to service-reactive). The
 * rules name those APIs.
 * <p>
 * It lives in architecture-tests, a module of tests only, built after the modules it
 * reads, so {@code ./mvnw verify} runs it with their {@code target/classes} in place; it
 * imports each module's classes by path, as the two services cannot share a class path.
 * Every rule holds: none is frozen with known violations.
 */
class LayeringTest {

	private static final JavaClasses SHARED_DOMAIN = Modules.classes("shared-domain");

	private static final JavaClasses SERVICE_LOOM = Modules.classes("service-loom");

	private static final JavaClasses SERVICE_REACTIVE = Modules.classes("service-reactive");

	private static final JavaClasses GATLING = Modules.classes("gatling");

	private static final JavaClasses COMPARISON = Modules.classes("comparison");

	/** Project code a service must not use: any but its own and shared-domain's. */
	private static final DescribedPredicate<JavaClass> OTHER_PROJECT_CODE = resideInAPackage("dev.loomflux..")
		.and(not(resideInAnyPackage("dev.loomflux.bff..", "dev.loomflux.domain..")))
		.as("are project code other than the service's own and shared-domain's");

	@Test
	void sharedDomainShouldDependOnlyOnTheJdkAndJackson() {
		classes().should()
			.onlyDependOnClassesThat(
					resideInAnyPackage("dev.loomflux.domain..", "java..", "jdk.jfr..", "com.sun.management..",
							"com.sun.net.httpserver..", "tools.jackson..", "com.fasterxml.jackson.annotation..")
						.and(not(resideInAPackage("java.sql..")))
						.as("are its own, the JDK's (java.*, the Flight Recorder, the per-thread allocation count of "
								+ "com.sun.management and the JDK's HTTP server, but not JDBC) or Jackson's"))
			.because("shared-domain is framework-free (no Spring, Reactor, Netty, servlet, JDBC or "
					+ "Lettuce); Jackson parses request bodies there, so that both services accept "
					+ "and refuse the same JSON")
			.check(SHARED_DOMAIN);
	}

	@Test
	void serviceLoomShouldNotUseTheReactiveStack() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("reactor..", "io.netty..", "org.springframework.web.reactive..",
					"org.springframework.web.server..", "org.springframework.http.server.reactive..",
					"org.springframework.http.codec..", "io.r2dbc..", "org.springframework.r2dbc..",
					"io.lettuce.core.api.reactive..", "io.github.resilience4j.reactor..")
			.because("service-loom is blocking code on virtual threads: Spring MVC on Tomcat, "
					+ "JDBC, Lettuce's synchronous API")
			.check(SERVICE_LOOM);
	}

	@Test
	void serviceReactiveShouldNotUseTheBlockingStack() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.apache.catalina..", "org.apache.tomcat..",
					"org.springframework.web.servlet..", "java.sql..", "javax.sql..", "org.springframework.jdbc..",
					"com.zaxxer.hikari..", "org.springframework.web.client..", "org.apache.hc..",
					"io.lettuce.core.api.sync..")
			.because("service-reactive runs on the event loop: WebFlux on Reactor Netty, R2DBC, "
					+ "WebClient, Lettuce's reactive API; JDBC is on its class path for Flyway's "
					+ "migrations only, set up by configuration")
			.check(SERVICE_REACTIVE);
	}

	@Test
	void servicesShouldUseNoProjectCodeButTheirOwnAndSharedDomains() {
		noClasses().should()
			.dependOnClassesThat(OTHER_PROJECT_CODE)
			.because("a service's code uses shared-domain's only (service-reactive also ships "
					+ "reactor-netty-keepalive, a Reactor Netty fix its code never names)")
			.check(SERVICE_LOOM);
		noClasses().should()
			.dependOnClassesThat(OTHER_PROJECT_CODE)
			.because("a service's code uses shared-domain's only (service-reactive also ships "
					+ "reactor-netty-keepalive, a Reactor Netty fix its code never names)")
			.check(SERVICE_REACTIVE);
	}

	/**
	 * The forked Gatling JVM runs with the gatling module's class path only, so that
	 * module holds nothing of the harness (comparison/), which depends on it and not the
	 * other way round, and none of the harness's libraries.
	 */
	@Test
	void loadGeneratorShouldNotUseTheComparisonHarnessOrItsLibraries() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.loomflux.comparison..", "picocli..", "com.github.javaparser..", "org.postgresql..",
					"java.sql..")
			.because("the load generator's module holds only load-generator code (STYLE.md, 11); "
					+ "the harness starts it, not the other way round")
			.check(GATLING);
	}

	/**
	 * Inside the harness the figures every part reads sit below the scenarios, which sit
	 * below the ledger and the report: no package imports one above it.
	 */
	@Test
	void harnessPackagesShouldImportOnlyDownwards() {
		noClasses().that()
			.resideInAPackage("dev.loomflux.comparison.figures..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.loomflux.comparison.scenario..", "dev.loomflux.comparison.ledger..",
					"dev.loomflux.comparison.report..")
			.because("figures are what the scenarios, the ledger and the report read")
			.check(COMPARISON);
		noClasses().that()
			.resideInAPackage("dev.loomflux.comparison.scenario..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.loomflux.comparison.ledger..", "dev.loomflux.comparison.report..")
			.because("a scenario's type is read by the ledger and the report, not the other way round")
			.check(COMPARISON);
	}

	@Test
	void loadGeneratorClassPathShouldCarryNoHarnessLibrary() throws Exception {
		Path classPath = Modules.path("gatling").resolve("target/classpath.txt");
		assertThat(classPath).as("written by the gatling module's build").isRegularFile();
		assertThat(Files.readString(classPath).split(File.pathSeparator)).as("what the comparison forks Gatling with")
			.noneMatch((jar) -> jar.contains("/info/picocli/") || jar.contains("/com/github/javaparser/")
					|| jar.contains("/org/postgresql/") || jar.contains("/org/webjars/")
					|| jar.contains("/dev/loomflux/comparison/"));
	}

}
