package dev.loomflux.comparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./loomflux compare} accepts and how it answers the rest. The command is
 * only parsed and checked, never run: no test here can start a comparison.
 */
class CompareCommandTest {

	@Test
	void shouldListEveryVariantAndScenarioInItsHelp() {
		Answer answer = Answer.of("--help");

		assertThat(answer.exitCode()).isZero();
		assertThat(answer.out()).contains("smoke", "quick", "full")
			.contains("some of loom, platform, reactive, reactive-inline")
			.contains("catalog-read, cached-read, home-fanout,")
			.contains("mixed,", "connections");
	}

	@Test
	void shouldPrintTheProjectVersion() {
		Answer answer = Answer.of("-V");

		assertThat(answer.exitCode()).isZero();
		// filtered from pom.xml by the build, not the placeholder
		assertThat(answer.out().strip()).matches("loomflux \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					--variants loom,nope | Invalid value for option '--variants': expected one of loom, platform, reactive, reactive-inline, reactive-one-loop, loom-jetty, floor-loom, floor-reactive, floor-loom-jetty but was 'nope'
					--profile fast       | Invalid value for option '--profile': expected one of smoke, quick, full but was 'fast'
					--profile=full --scenarios mixed,nope | Invalid value for option '--scenarios': expected one of catalog-read, home-fanout, concurrency-sweep, cpu-neighbour, mixed, connections but was 'nope'
					--scenarios=         | Invalid value for option '--scenarios': expected one of catalog-read, cached-read, home-fanout, concurrency-sweep, cpu-neighbour, orders, mixed, connections but was ''
					--bogus              | Unknown option: '--bogus'
					--profile            | Missing required parameter for option '--profile' (<profile>)
					""")
	void shouldRefuseAWrongOptionWithOneLineNamingWhatIsValid(String arguments, String error) {
		Answer answer = Answer.of(arguments.split(" "));

		assertThat(answer.exitCode()).isEqualTo(2);
		assertThat(answer.err()).isEqualTo(error + System.lineSeparator());
		assertThat(answer.out()).isEmpty();
	}

	@Test
	void shouldTakeListsCommaSeparatedOrRepeated() {
		CompareCommand command = new CompareCommand();
		new CommandLine(command).parseArgs("--variants=loom", "--variants", "reactive,platform", "--profile", "full",
				"--scenarios", "orders");

		assertThat(command.variants).containsExactly("loom", "reactive", "platform");
		assertThat(command.profile).isEqualTo("full");
		assertThat(command.scenarios).containsExactly("orders");
		assertThat(Answer.of("--variants=loom", "--variants", "reactive,platform", "--scenarios", "orders").exitCode())
			.isZero();
	}

	/**
	 * What {@code main} prints and returns for these arguments, with the run itself left
	 * out: only {@link CompareCommand#checkOptions()} is executed.
	 */
	record Answer(int exitCode, String out, String err) {

		static Answer of(String... arguments) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			CommandLine commandLine = CompareCommand.commandLine();
			commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
			CompareCommand command = commandLine.getCommand();
			commandLine.setExecutionStrategy((parseResult) -> {
				if (CommandLine.executeHelpRequest(parseResult) != null) {
					return 0;
				}
				try {
					command.checkOptions();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return 0;
			});
			int exitCode = commandLine.execute(arguments);
			return new Answer(exitCode, out.toString(), err.toString());
		}

	}

}
