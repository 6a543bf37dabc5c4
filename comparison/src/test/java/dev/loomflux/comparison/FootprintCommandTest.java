package dev.loomflux.comparison;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./loomflux footprint} accepts and how it answers the rest; only parsed and
 * checked, never run (a run starts services and holds 10,000 connections).
 */
class FootprintCommandTest {

	@Test
	void shouldTakeTheServicesAndTheTaskCount() {
		FootprintCommand command = new FootprintCommand();
		new CommandLine(command).parseArgs("--variants", "loom,platform", "--tasks", "500");

		assertThat(command.variants).containsExactly("loom", "platform");
		assertThat(command.tasks).isEqualTo(500);
		assertThat(answer("--variants", "reactive", "--tasks", "500")).isEqualTo("");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					--variants floor-loom | Invalid value for option '--variants': expected one of loom, platform, reactive, reactive-inline, reactive-one-loop, loom-jetty but was 'floor-loom'
					--variants nope       | Invalid value for option '--variants': expected one of loom, platform, reactive, reactive-inline, reactive-one-loop, loom-jetty but was 'nope'
					--tasks 0             | --tasks and --per-second must be at least 1
					--tasks many          | Invalid value for option '--tasks': 'many' is not an int
					""")
	void shouldRefuseAWrongOptionWithOneLine(String arguments, String error) {
		assertThat(answer(arguments.split(" "))).isEqualTo(error + System.lineSeparator());
	}

	@Test
	void shouldSizeTheDownstreamPoolWithinTheOpenFileLimit() {
		int pool = FootprintCommand.downstreamConnections(10_000);

		assertThat(pool).isBetween(1, 10_000);
		assertThat(FootprintCommand.downstreamConnections(100)).isEqualTo(100);
	}

	/** What the command line prints to stderr, with only the options' check executed. */
	private static String answer(String... arguments) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = FootprintCommand.commandLine();
		commandLine.setErr(new PrintWriter(err, true));
		FootprintCommand command = commandLine.getCommand();
		commandLine.setExecutionStrategy((parseResult) -> {
			command.checkOptions();
			return 0;
		});
		commandLine.execute(arguments);
		return err.toString();
	}

}
