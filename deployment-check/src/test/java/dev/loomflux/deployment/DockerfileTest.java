package dev.loomflux.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.loomflux.launcher.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile: its images run the JVM as the comparison measured it, so the
 * container limits sized from those measurements hold.
 */
class DockerfileTest {

	private static final Pattern ENV = Pattern.compile("^ENV (\\w+)=\"([^\"]*)\"", Pattern.MULTILINE);

	private final String dockerfile = read(Repository.path("Dockerfile"));

	@Test
	void shouldRunTheJvmWithExactlyTheFlagsTheComparisonMeasured() throws IOException {
		List<String> image = new ArrayList<>();
		image.addAll(Arrays.asList(env("JAVA_HEAP").split("\\s+")));
		image.addAll(Arrays.asList(env("JAVA_FLAGS").split("\\s+")));

		assertThat(image).containsExactlyInAnyOrderElementsOf(comparisonJvmFlags())
			.contains("-XX:+ExitOnOutOfMemoryError");
	}

	@Test
	void shouldTrainTheAotCacheWithTheFlagsItRunsWith() {
		assertThat(this.dockerfile).contains("RUN java $JAVA_HEAP $JAVA_FLAGS -XX:AOTCacheOutput=app.aot")
			.contains("exec java $JAVA_HEAP $JAVA_FLAGS -XX:AOTCache=app.aot -jar application.jar");
	}

	@Test
	void shouldNotCopyTheApplicationIntoASecondLayerToChangeItsOwner() {
		// a RUN chown -R after the COPYs writes every file again into a layer of its own
		assertThat(this.dockerfile).doesNotContainPattern("(?m)^RUN .*chown|&& chown");
	}

	@Test
	void shouldExposeThePublicAndTheManagementPort() {
		assertThat(this.dockerfile).containsPattern("(?m)^EXPOSE \\$\\{SERVER_PORT} \\$\\{MANAGEMENT_PORT}$")
			.containsPattern("(?m)^ARG SERVER_PORT$")
			.containsPattern("(?m)^ARG MANAGEMENT_PORT$");
	}

	static String env(String name) {
		Matcher matcher = ENV.matcher(read(Repository.path("Dockerfile")));
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		throw new AssertionError("the Dockerfile sets no ENV " + name);
	}

	/** The heap flags of the image (or of a JAVA_HEAP given at run time): -Xmx in MiB. */
	static long maxHeapMebibytes(String heapFlags) {
		Matcher matcher = Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(heapFlags);
		assertThat(matcher.find()).as("-Xmx in %s", heapFlags).isTrue();
		long value = Long.parseLong(matcher.group(1));
		return matcher.group(2).equalsIgnoreCase("g") ? value * 1024 : value;
	}

	/**
	 * The launcher's {@link ServiceProcess#JVM_FLAGS}: what the comparison, the tests and
	 * {@code ./loomflux start} run every service with.
	 */
	static List<String> comparisonJvmFlags() {
		assertThat(ServiceProcess.JVM_FLAGS).anyMatch((flag) -> flag.startsWith("-Xmx"));
		return ServiceProcess.JVM_FLAGS;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
