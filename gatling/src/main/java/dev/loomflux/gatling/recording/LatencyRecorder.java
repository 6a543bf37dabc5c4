package dev.loomflux.gatling.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.loomflux.gatling.Plan;

/**
 * Records every response of a simulation into per-step, per-request-name histograms and
 * writes them to the plan's output file when the simulation ends. Gatling 3.15 has no
 * machine-readable statistics (its simulation.log is binary and undocumented), so the
 * figures the comparison reports come from here, not from scraping Gatling's console or
 * HTML.
 *
 * <p>
 * A response belongs to the step in which its request was sent, so a request sent in a
 * slow step and answered in the next counts against the slow one.
 */
public final class LatencyRecorder {

	private final Plan plan;

	private volatile long startMillis;

	/** request name -> one entry per step */
	private final Map<String, StepHistograms[]> byName = new ConcurrentHashMap<>();

	private volatile String stopReason;

	private volatile long stoppedAtMillis = Long.MAX_VALUE;

	public LatencyRecorder(Plan plan, long startMillis) {
		this.plan = plan;
		this.startMillis = startMillis;
	}

	/**
	 * Moves the start to when the first request really went out (after Gatling's own
	 * start-up).
	 */
	public void begin(long millis) {
		this.startMillis = millis;
	}

	public void sent(String name, long sentAtMillis) {
		histograms(name, sentAtMillis).sent();
	}

	public void recordOk(String name, long sentAtMillis, long micros) {
		histograms(name, sentAtMillis).recordOk(micros);
	}

	public void recordKo(String name, long sentAtMillis, String cause) {
		histograms(name, sentAtMillis).recordKo(cause);
	}

	/** Notes that the run stops early; the first reason given is kept. */
	public synchronized void stop(String reason) {
		if (this.stopReason == null) {
			this.stoppedAtMillis = System.currentTimeMillis();
			this.stopReason = reason + " during the " + this.plan.steps().get(stepIndex(this.stoppedAtMillis)).label()
					+ " step; later steps did not run";
		}
	}

	public String stopReason() {
		return this.stopReason;
	}

	/**
	 * The figures of every step that began before the run stopped, as the comparison run
	 * reads them back.
	 */
	public LatencyFile summary() {
		List<LatencyFile.StepFigures> steps = new ArrayList<>();
		for (int index = 0; index < this.plan.steps().size(); index++) {
			Plan.Step step = this.plan.steps().get(index);
			long stepStart = this.startMillis + 1000L * this.plan.secondsBefore(index);
			if (stepStart > this.stoppedAtMillis) {
				break;
			}
			Map<String, RequestStats> requests = new LinkedHashMap<>();
			for (Map.Entry<String, StepHistograms[]> entry : this.byName.entrySet()) {
				StepHistograms histograms = entry.getValue()[index];
				if (histograms != null) {
					requests.put(entry.getKey(), histograms.stats(step.seconds()));
				}
			}
			steps.add(new LatencyFile.StepFigures(step, stepStart, stepStart + 1000L * step.seconds(), requests));
		}
		return new LatencyFile(this.plan.scenario(), this.startMillis, steps, this.stopReason);
	}

	public void write() throws IOException {
		summary().write(Path.of(this.plan.output()));
	}

	private StepHistograms histograms(String name, long sentAtMillis) {
		StepHistograms[] steps = this.byName.computeIfAbsent(name,
				(key) -> new StepHistograms[this.plan.steps().size()]);
		int index = stepIndex(sentAtMillis);
		StepHistograms histograms = steps[index];
		if (histograms == null) {
			synchronized (steps) {
				if (steps[index] == null) {
					steps[index] = new StepHistograms();
				}
				histograms = steps[index];
			}
		}
		return histograms;
	}

	/**
	 * The step a request sent at this moment belongs to; late stragglers count in the
	 * last step.
	 */
	int stepIndex(long sentAtMillis) {
		long elapsedMillis = sentAtMillis - this.startMillis;
		int index = 0;
		long stepEnd = 0;
		for (Plan.Step step : this.plan.steps()) {
			stepEnd += 1000L * step.seconds();
			if (elapsedMillis < stepEnd) {
				return index;
			}
			index++;
		}
		return this.plan.steps().size() - 1;
	}

}
