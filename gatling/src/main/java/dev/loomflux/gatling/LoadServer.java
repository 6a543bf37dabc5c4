package dev.loomflux.gatling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.gatling.app.Gatling$;

/**
 * One load-generator JVM for a whole comparison run: it reads one Gatling run per line on
 * its standard input, runs each in this JVM, one after the other, and writes each run's
 * exit code to the file the line names. A fresh JVM per scenario spent its first seconds
 * compiling Gatling on the load core (0.94-0.99 of the core at 1,000 product reads/s
 * here), so the load generator, not the service, set the result; a JVM kept for the run
 * is compiled once, by the run's warm-up, and stays warm. Gatling starts a new engine for
 * each run and stops it at the end; the simulations keep their per-run state in the
 * recorder, which each run starts afresh.
 *
 * <p>
 * A line is {@link Run#line tab-separated}: the simulation class, the plan file, the
 * folder for Gatling's report, whether to write one, the run's description, the exit-code
 * file. End of input ends the server.
 */
public final class LoadServer {

	/** What a run that threw, instead of returning an exit code, reports. */
	static final int CRASHED = 99;

	private LoadServer() {
	}

	public static void main(String[] args) throws IOException {
		BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = requests.readLine(); line != null; line = requests.readLine()) {
			if (!line.isBlank()) {
				Run run = Run.parse(line);
				report(run.exitFile(), run(run));
			}
		}
	}

	/**
	 * Runs one Gatling run in this JVM; its exit code ({@link #CRASHED} when it threw).
	 * The load-test Job (the comparison module's {@code LoadJob}) calls it directly.
	 */
	public static int run(Run run) {
		// no run inherits the one before's garbage, to collect in the middle of a step
		System.gc();
		System.setProperty(Plan.PROPERTY, run.plan());
		try {
			// Gatling's entry point for a launcher that keeps its JVM (main() exits)
			return Gatling$.MODULE$.fromArgs(run.gatlingArguments());
		}
		catch (RuntimeException | Error ex) {
			// the server goes on: the comparison reports this run failed, runs the next
			ex.printStackTrace();
			return CRASHED;
		}
	}

	/** Written whole, then moved, so the reader never sees half a file. */
	private static void report(String exitFile, int exit) throws IOException {
		Path target = Path.of(exitFile);
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		Files.writeString(partial, Integer.toString(exit));
		Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * One run for the server.
	 *
	 * @param simulation the simulation's class name
	 * @param plan the plan file
	 * @param resultsFolder where Gatling writes its report
	 * @param reports whether Gatling writes its HTML report (not for warm-up rounds)
	 * @param description Gatling's run description
	 * @param exitFile where the server writes the run's exit code when it is over
	 */
	public record Run(String simulation, String plan, String resultsFolder, boolean reports, String description,
			String exitFile) {

		public Run {
			for (String field : List.of(simulation, plan, resultsFolder, description, exitFile)) {
				if (field.contains("\t") || field.contains("\n")) {
					throw new IllegalArgumentException("no tabs or line breaks in a run's fields: " + field);
				}
			}
		}

		/** The run as one line of the server's input. */
		public String line() {
			return String.join("\t", this.simulation, this.plan, this.resultsFolder, Boolean.toString(this.reports),
					this.description, this.exitFile);
		}

		static Run parse(String line) {
			String[] fields = line.split("\t", -1);
			if (fields.length != 6) {
				throw new IllegalArgumentException("a run is 6 tab-separated fields, not " + line);
			}
			return new Run(fields[0], fields[1], fields[2], Boolean.parseBoolean(fields[3]), fields[4], fields[5]);
		}

		String[] gatlingArguments() {
			List<String> arguments = new java.util.ArrayList<>(
					List.of("--simulation", this.simulation, "--results-folder", this.resultsFolder,
							"--run-description", this.description, "--launcher", "loomflux"));
			if (!this.reports) {
				arguments.add("--no-reports");
			}
			return arguments.toArray(String[]::new);
		}

	}

}
