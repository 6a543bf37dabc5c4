package dev.loomflux.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.loomflux.launcher.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/compare.sh answers {@code --help}, {@code --version} and a wrong option itself,
 * before any set-up or build, from its own copy of what {@link CompareCommand} accepts:
 * the two must agree.
 */
class CompareScriptTest {

	/**
	 * Maven runs the tests in comparison/; the script is in the repository's scripts/.
	 */
	private static final Path SCRIPT = Path.of("..", "scripts", "compare.sh").toAbsolutePath().normalize();

	@TempDir
	Path folder;

	@Test
	void shouldListEveryOptionProfileVariantAndScenarioInItsHelp() throws Exception {
		Answer answer = script("--help");

		assertThat(answer.exitCode()).isZero();
		CompareCommand.commandLine()
			.getCommandSpec()
			.options()
			.forEach((option) -> assertThat(answer.out()).contains(option.names()));
		assertThat(answer.out()).contains(Profile.NAMES)
			.contains(String.join(" ", Variant.names()))
			.contains(String.join(" ", Profile.load("quick").scenarios().keySet()));
	}

	@Test
	void shouldPrintTheVersionCompareCommandPrints() throws Exception {
		Answer answer = script("-V");

		assertThat(answer.exitCode()).isZero();
		assertThat(answer.out()).isEqualTo(CompareCommandTest.Answer.of("-V").out());
	}

	@ParameterizedTest
	@ValueSource(strings = { "--variants loom,nope", "--variants=reactive --variants platform,loom-x", "--profile fast",
			"--profile=quick --scenarios orders,nope", "--profile full --scenarios=mixed,nope", "--scenarios=",
			"--variants=", "--bogus", "--results out --bogus" })
	void shouldRefuseWhatCompareCommandRefusesInItsWords(String arguments) throws Exception {
		Answer script = script(arguments.split(" "));
		CompareCommandTest.Answer command = CompareCommandTest.Answer.of(arguments.split(" "));

		assertThat(command.exitCode()).isEqualTo(2);
		assertThat(script.exitCode()).as(script.err()).isEqualTo(2);
		assertThat(script.err()).isEqualTo(command.err());
		assertThat(script.out()).isEmpty();
	}

	@Test
	void shouldAcceptEveryOptionCompareCommandHas() throws Exception {
		Map<String, String> valid = Map.of("--profile", "full", "--variants", "loom", "--scenarios", "orders");
		for (OptionSpec option : CompareCommand.commandLine().getCommandSpec().options()) {
			if (option.usageHelp() || option.versionHelp()) {
				continue;
			}
			String name = option.longestName();
			List<String> arguments = new ArrayList<>(List.of(name));
			if (option.arity().min() > 0) {
				arguments.add(valid.getOrDefault(name, "1"));
			}
			// a mistake after it, so that the script stops there: it has taken the option
			arguments.add("--bogus");

			assertThat(script(arguments.toArray(String[]::new)).err()).as(name)
				.isEqualTo("Unknown option: '--bogus'\n");
		}
	}

	/**
	 * Runs the script; were it to get past its checks, it would set up and build: the
	 * timeout stops that at once and fails the test.
	 */
	private Answer script(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		Path out = this.folder.resolve("out");
		Path err = this.folder.resolve("err");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new AssertionError("compare.sh " + String.join(" ", arguments) + " went on past its checks");
		}
		return new Answer(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	record Answer(int exitCode, String out, String err) {
	}

}
