package dev.loomflux.gatling.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.loomflux.gatling.Plan;

/**
 * Records every response of a simulation into per-step, per-request-name histograms, and
 * what the load generator did per step, and writes them to the plan's output file when
 * the simulation ends. Gatling 3.15 has no machine-readable statistics (its
 * simulation.log is binary and undocumented), so the figures the comparison reports come
 * from here, not from scraping Gatling's console or HTML.
 *
 * <p>
 * Times are milliseconds from the start of injection. A request belongs to the step its
 * timing origin falls in: its intended time when it has one, so a request the load
 * generator sent late still counts against the step that planned it, and the moment it
 * was sent otherwise.
 */
public final class LatencyRecorder {

	private final Plan plan;

	private volatile long startMillis;

	/** request name -> one entry per step */
	private final Map<String, StepHistograms[]> byName = new ConcurrentHashMap<>();

	private final StepSending[] sending;

	private final List<Schedule> schedules = new CopyOnWriteArrayList<>();

	private volatile ProcessCpu cpu;

	private volatile String stopReason;

	private volatile long stoppedAtMillis = Long.MAX_VALUE;

	public LatencyRecorder(Plan plan, long startMillis) {
		this.plan = plan;
		this.startMillis = startMillis;
		this.sending = new StepSending[plan.steps().size()];
		for (int index = 0; index < this.sending.length; index++) {
			this.sending[index] = new StepSending();
		}
	}

	/** Moves the start (epoch milliseconds) to when injection really began. */
	public void begin(long epochMillis) {
		this.startMillis = epochMillis;
	}

	/** Adds a population's schedule: the users it plans per step. */
	void plan(Schedule schedule) {
		this.schedules.add(schedule);
	}

	void measureCpu(ProcessCpu cpu) {
		this.cpu = cpu;
	}

	/**
	 * A request went out; {@code latenessMicros} is how late against its intended time,
	 * null when it has none.
	 */
	public void sent(String name, long atMillis, Long latenessMicros) {
		histograms(name, atMillis).sent();
		this.sending[this.plan.stepAt(atMillis)].sent(latenessMicros);
	}

	public void recordOk(String name, long atMillis, long micros) {
		histograms(name, atMillis).recordOk(micros);
	}

	public void recordKo(String name, long atMillis, long micros, String cause) {
		histograms(name, atMillis).recordKo(micros, cause);
	}

	/** Notes that the run stops early; the first reason given is kept. */
	public synchronized void stop(String reason, long atMillis) {
		if (this.stopReason == null) {
			this.stoppedAtMillis = atMillis;
			this.stopReason = reason + " during the " + this.plan.steps().get(this.plan.stepAt(atMillis)).label()
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
		long[] planned = planned();
		for (int index = 0; index < this.plan.steps().size(); index++) {
			Plan.Step step = this.plan.steps().get(index);
			long stepStart = 1000L * this.plan.secondsBefore(index);
			if (stepStart > this.stoppedAtMillis) {
				break;
			}
			Map<String, RequestStats> requests = new LinkedHashMap<>();
			Map<String, RequestHistograms> encoded = new LinkedHashMap<>();
			for (Map.Entry<String, StepHistograms[]> entry : this.byName.entrySet()) {
				StepHistograms histograms = entry.getValue()[index];
				if (histograms != null) {
					requests.put(entry.getKey(), histograms.stats(step.seconds()));
					encoded.put(entry.getKey(), histograms.histograms());
				}
			}
			Double cpuShare = (this.cpu != null) ? this.cpu.share(index) : null;
			long start = this.startMillis + stepStart;
			steps.add(new LatencyFile.StepFigures(step, start, start + 1000L * step.seconds(), requests,
					this.sending[index].figures(this.schedules.isEmpty() ? null : planned[index], cpuShare), encoded));
		}
		return new LatencyFile(this.plan.scenario(), this.startMillis, steps, this.stopReason);
	}

	/** Users the schedules planned per step, until the run stopped. */
	private long[] planned() {
		long[] planned = new long[this.plan.steps().size()];
		for (Schedule schedule : this.schedules) {
			long[] ofSchedule = schedule.plannedPerStep(this.plan, this.stoppedAtMillis);
			for (int index = 0; index < planned.length; index++) {
				planned[index] += ofSchedule[index];
			}
		}
		return planned;
	}

	public void write() throws IOException {
		summary().write(Path.of(this.plan.output()));
	}

	private StepHistograms histograms(String name, long atMillis) {
		StepHistograms[] steps = this.byName.computeIfAbsent(name,
				(key) -> new StepHistograms[this.plan.steps().size()]);
		int index = this.plan.stepAt(atMillis);
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

}
