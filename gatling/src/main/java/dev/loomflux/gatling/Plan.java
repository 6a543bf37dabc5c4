package dev.loomflux.gatling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What one simulation run does: its load steps, in order, and its parameters. The
 * comparison run writes it as JSON and names the file in the load generator's
 * {@value #PROPERTY} property ({@link LoadServer} sets it per run), so every scenario
 * exists once and takes its target and numbers from outside.
 *
 * @param scenario the scenario's name, e.g. {@code catalog-read}
 * @param baseUrl the service under test, e.g. {@code http://127.0.0.1:8081}
 * @param injection how steps become users, by name: {@code open-steps} (each step a
 * constant arrival rate) or {@code closed-steps} (each step a number of users in flight,
 * each looping until the end); null for the simulation's own (cpu-neighbour always
 * injects its background per step under a constant foreground rate)
 * @param steps the load steps
 * @param parameters scenario-specific numbers (foreground rate, hot product count, ...)
 * @param output where the simulation writes its client-side figures
 * ({@code latency.json})
 */
public record Plan(String scenario, String baseUrl, String injection, List<Step> steps, Map<String, String> parameters,
		String output) {

	/** The system property that names the current plan's file. */
	public static final String PROPERTY = "loomflux.plan";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * @param label e.g. {@code "2000 req/s"}
	 * @param offeredRate arrivals per second (open steps)
	 * @param concurrency users in flight (closed steps)
	 * @param background CPU-bound requests in flight (neighbour steps)
	 * @param seconds how long the step lasts
	 */
	public record Step(String label, Double offeredRate, Integer concurrency, Integer background, int seconds) {
	}

	/** The plan of the current run, from the {@value #PROPERTY} property. */
	public static Plan current() {
		String file = System.getProperty(PROPERTY);
		if (file == null) {
			throw new IllegalStateException("no plan: run with -Dloomflux.plan=FILE (the comparison run writes it)");
		}
		return read(Path.of(file));
	}

	public static Plan read(Path file) {
		return MAPPER.readValue(file.toFile(), Plan.class);
	}

	public void write(Path file) throws IOException {
		MAPPER.writeValue(file.toFile(), this);
	}

	/**
	 * This plan for load generator {@code index} of {@code count} that drive one target
	 * together: each step's rate divided evenly, its users (in flight or in the
	 * background) split with the remainder going to the first generators, its output
	 * {@code output}. Their files merge into the whole plan's
	 * ({@code LatencyFiles.merge}).
	 */
	public Plan share(int index, int count, String output) {
		if (count < 1 || index < 0 || index >= count) {
			throw new IllegalArgumentException("share " + index + " of " + count);
		}
		List<Step> shared = this.steps.stream()
			.map((step) -> new Step(step.label(), (step.offeredRate() != null) ? step.offeredRate() / count : null,
					split(step.concurrency(), index, count), split(step.background(), index, count), step.seconds()))
			.toList();
		return new Plan(this.scenario, this.baseUrl, this.injection, shared, this.parameters, output);
	}

	private static Integer split(Integer users, int index, int count) {
		return (users != null) ? users / count + ((index < users % count) ? 1 : 0) : null;
	}

	public int totalSeconds() {
		return this.steps.stream().mapToInt(Step::seconds).sum();
	}

	/** The start of step {@code index}, in seconds from the start of the run. */
	public int secondsBefore(int index) {
		return this.steps.subList(0, index).stream().mapToInt(Step::seconds).sum();
	}

	/**
	 * The step a moment belongs to, in milliseconds from the start of the run; late
	 * stragglers count in the last step.
	 */
	public int stepAt(long elapsedMillis) {
		long stepEnd = 0;
		for (int index = 0; index < this.steps.size(); index++) {
			stepEnd += 1000L * this.steps.get(index).seconds();
			if (elapsedMillis < stepEnd) {
				return index;
			}
		}
		return this.steps.size() - 1;
	}

	public int intParameter(String name, int defaultValue) {
		String value = (this.parameters != null) ? this.parameters.get(name) : null;
		return (value != null) ? Integer.parseInt(value) : defaultValue;
	}

	public double doubleParameter(String name, double defaultValue) {
		String value = (this.parameters != null) ? this.parameters.get(name) : null;
		return (value != null) ? Double.parseDouble(value) : defaultValue;
	}

}
