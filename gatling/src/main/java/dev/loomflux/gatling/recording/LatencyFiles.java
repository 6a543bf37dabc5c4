package dev.loomflux.gatling.recording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import dev.loomflux.gatling.Plan;
import org.HdrHistogram.Histogram;

/**
 * Several load generators' {@code latency.json} files of one plan, run against one target
 * at the same time (each at its share of the rate, or with its share of the users),
 * merged into the file one load generator would have written: per step and request name
 * the histograms added, and every figure derived again from them, so the merged p99 is
 * the p99 of every request, not an average of percentiles.
 */
public final class LatencyFiles {

	private LatencyFiles() {
	}

	/**
	 * The merged file. Steps are matched by position and must have the same labels; a
	 * step only some generators reached (one stopped early) is merged from those that
	 * did. Per step: requests and histograms added; planned and sent users summed; the
	 * send lateness p99 and the CPU share are the worst generator's (each generator's own
	 * limit is what matters, and a p99 of lateness cannot be merged exactly: it is not
	 * kept as a histogram); the window from the earliest start to the latest end.
	 * @throws IllegalArgumentException when the files are of different scenarios or
	 * steps, or one has no histograms (written before they were kept)
	 */
	public static LatencyFile merge(List<LatencyFile> files) {
		if (files.isEmpty()) {
			throw new IllegalArgumentException("nothing to merge");
		}
		LatencyFile first = files.getFirst();
		for (LatencyFile file : files) {
			if (!Objects.equals(file.scenario(), first.scenario())) {
				throw new IllegalArgumentException(
						"files of different scenarios: " + first.scenario() + " and " + file.scenario());
			}
		}
		int stepCount = files.stream().mapToInt((file) -> file.steps().size()).max().orElse(0);
		List<LatencyFile.StepFigures> steps = new ArrayList<>();
		for (int index = 0; index < stepCount; index++) {
			int at = index;
			steps.add(mergeStep(files.stream()
				.filter((file) -> file.steps().size() > at)
				.map((file) -> file.steps().get(at))
				.toList()));
		}
		String stopReason = files.stream()
			.map(LatencyFile::stopReason)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		long startedAt = files.stream().mapToLong(LatencyFile::startedAtMillis).min().orElseThrow();
		return new LatencyFile(first.scenario(), startedAt, steps, stopReason);
	}

	private static LatencyFile.StepFigures mergeStep(List<LatencyFile.StepFigures> parts) {
		Plan.Step step = parts.getFirst().step();
		for (LatencyFile.StepFigures part : parts) {
			if (!part.step().label().equals(step.label())) {
				throw new IllegalArgumentException(
						"different steps at one position: " + step.label() + " and " + part.step().label());
			}
			if (part.histograms() == null) {
				throw new IllegalArgumentException("a file without histograms (written before they were kept) "
						+ "cannot be merged exactly: step " + step.label());
			}
		}
		Set<String> names = new LinkedHashSet<>();
		parts.forEach((part) -> names.addAll(part.histograms().keySet()));
		Map<String, RequestStats> requests = new LinkedHashMap<>();
		Map<String, RequestHistograms> histograms = new LinkedHashMap<>();
		for (String name : names) {
			Histogram ok = StepHistograms.empty();
			Histogram all = StepHistograms.empty();
			long ko = 0;
			Map<String, Long> errors = new TreeMap<>();
			for (LatencyFile.StepFigures part : parts) {
				RequestHistograms encoded = part.histograms().get(name);
				if (encoded == null) {
					continue;
				}
				ok.add(encoded.okHistogram());
				all.add(encoded.allHistogram());
				RequestStats stats = part.requests().get(name);
				ko += stats.ko();
				stats.errors().forEach((cause, count) -> errors.merge(cause, count, Long::sum));
			}
			requests.put(name, StepHistograms.stats(ok, all, ko, errors, step.seconds()));
			histograms.put(name, RequestHistograms.of(ok, all));
		}
		long start = parts.stream().mapToLong(LatencyFile.StepFigures::startMillis).min().orElseThrow();
		long end = parts.stream().mapToLong(LatencyFile.StepFigures::endMillis).max().orElseThrow();
		return new LatencyFile.StepFigures(step, start, end, requests, loadGenerators(parts), histograms);
	}

	private static LatencyFile.LoadGeneratorFigures loadGenerators(List<LatencyFile.StepFigures> parts) {
		List<LatencyFile.LoadGeneratorFigures> figures = parts.stream()
			.map(LatencyFile.StepFigures::loadGenerator)
			.filter(Objects::nonNull)
			.toList();
		if (figures.isEmpty()) {
			return null;
		}
		Long planned = figures.stream().allMatch((part) -> part.planned() != null)
				? figures.stream().mapToLong(LatencyFile.LoadGeneratorFigures::planned).sum() : null;
		long sent = figures.stream().mapToLong(LatencyFile.LoadGeneratorFigures::sent).sum();
		return new LatencyFile.LoadGeneratorFigures(planned, sent,
				worst(figures.stream().map(LatencyFile.LoadGeneratorFigures::sendLatenessP99Ms).toList()),
				worst(figures.stream().map(LatencyFile.LoadGeneratorFigures::cpuShare).toList()));
	}

	private static Double worst(List<Double> values) {
		return values.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
	}

}
