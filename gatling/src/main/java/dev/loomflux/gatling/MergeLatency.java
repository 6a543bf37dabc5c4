package dev.loomflux.gatling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.loomflux.gatling.recording.LatencyFile;
import dev.loomflux.gatling.recording.LatencyFiles;
import dev.loomflux.gatling.recording.RequestStats;

/**
 * {@code MergeLatency OUT IN...}: merges the {@code latency.json} files that several load
 * generators wrote while driving one target together, each with its {@link Plan#share
 * share} of one plan (the load-test Job's pods, the compose load profile's replicas),
 * into {@code OUT}, and prints each step's totals.
 */
public final class MergeLatency {

	private MergeLatency() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: MergeLatency OUT.json IN.json...");
			System.exit(2);
		}
		List<LatencyFile> files = new ArrayList<>();
		for (int index = 1; index < args.length; index++) {
			files.add(LatencyFile.read(Path.of(args[index])));
		}
		LatencyFile merged = LatencyFiles.merge(files);
		merged.write(Path.of(args[0]));
		System.out.printf("%s: %d files merged into %s%n", merged.scenario(), files.size(), args[0]);
		for (LatencyFile.StepFigures step : merged.steps()) {
			long ok = step.requests().values().stream().mapToLong(RequestStats::ok).sum();
			long ko = step.requests().values().stream().mapToLong(RequestStats::ko).sum();
			System.out.printf("  %-16s %8d ok %6d failed", step.step().label(), ok, ko);
			for (Map.Entry<String, RequestStats> request : step.requests().entrySet()) {
				System.out.printf("  %s p99 %s ms (all %s ms)", request.getKey(), request.getValue().p99(),
						request.getValue().allP99());
			}
			System.out.println();
		}
		if (merged.stopReason() != null) {
			System.out.println("  stopped early: " + merged.stopReason());
		}
	}

}
