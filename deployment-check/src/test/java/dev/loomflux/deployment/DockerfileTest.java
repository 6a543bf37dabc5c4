package dev.loomflux.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
	 * The comparison harness's ServiceUnderTest.JVM_FLAGS, wherever its source lives (the
	 * harness may move between modules): the string literals of its List.of.
	 */
	static List<String> comparisonJvmFlags() throws IOException {
		Pattern declaration = Pattern.compile("JVM_FLAGS = List\\.of\\(([^;]*)\\);", Pattern.DOTALL);
		try (Stream<Path> files = Files.walk(Repository.ROOT)) {
			List<String> flags = files.filter((file) -> file.getFileName().toString().equals("ServiceUnderTest.java"))
				.filter((file) -> !file.toString().contains("/target/") && !file.toString().contains("/.git/"))
				.map(DockerfileTest::read)
				.map(declaration::matcher)
				.filter(Matcher::find)
				.findFirst()
				.map((matcher) -> Pattern.compile("\"([^\"]*)\"")
					.matcher(matcher.group(1))
					.results()
					.map((literal) -> literal.group(1))
					.toList())
				.orElseThrow(() -> new AssertionError("no JVM_FLAGS = List.of(...) in the comparison harness"));
			assertThat(flags).anyMatch((flag) -> flag.startsWith("-Xmx"));
			return flags;
		}
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
