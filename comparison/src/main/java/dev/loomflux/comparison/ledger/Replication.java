package dev.loomflux.comparison.ledger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.loomflux.comparison.figures.Efficiency;
import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.figures.Spread;
import dev.loomflux.comparison.results.Calibration;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Manifest;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ScenarioRun;
import dev.loomflux.comparison.results.Step;
import dev.loomflux.comparison.scenario.Scenarios;

/**
 * Whether two comparison runs replicate (docs/runs.md, "Do the runs replicate?"): a
 * verdict is worth publishing only if a second run on the same machine gives it again,
 * and a knee only if it lands within the margin the ledger compares knees with. Each
 * run's knee is the median across its repeats, as summary.md gives it; two agree when
 * they lie within {@link KneeClaims#MARGIN} of the larger, or both at or past the top of
 * the ladder, or both below its lowest step; a knee that the load generator or
 * interference cut short, or that a run did not measure, is left out of the count, since
 * it says where the run stopped, not where the service did. Beside them each run's
 * conditions: its commit, its length, the kernel path and the interference its steps
 * recorded.
 */
public final class Replication {

	private final Results first;

	private final Results second;

	private final Evidence inFirst;

	private final Evidence inSecond;

	private Replication(Results first, Results second) {
		this.first = first;
		this.second = second;
		this.inFirst = new Evidence(first);
		this.inSecond = new Evidence(second);
	}

	public static Replication of(Results first, Results second) {
		return new Replication(Objects.requireNonNull(first), Objects.requireNonNull(second));
	}

	/** How two runs' knees of one scenario and variant compare. */
	public enum Agreement {

		AGREE, DISAGREE,
		/** A knee was cut short (load generator, interference) or not measured. */
		LEFT_OUT

	}

	/** One claim's verdict in each run ("absent" where a run has no such claim). */
	public record VerdictPair(String id, String first, String second) {

		public boolean same() {
			return this.first.equals(this.second);
		}

	}

	/** One scenario's knee for one variant in each run. */
	public record KneePair(String scenario, String variant, Knee.Summary first, Knee.Summary second,
			Agreement agreement) {

		/**
		 * The gap between the two median knees over the larger, when both are rates; null
		 * otherwise.
		 */
		public Double gap() {
			Double a = this.first.median().rate();
			Double b = this.second.median().rate();
			return (a != null && b != null && Math.max(a, b) > 0) ? Math.abs(a - b) / Math.max(a, b) : null;
		}

	}

	/**
	 * One scenario's CPU time per successful request at its efficiency rate for one
	 * variant in each run, across that run's repeats; null where a run did not measure
	 * it. Beside it, run 2's median over run 1's of two figures from the same step that
	 * tell why it moved: the heap the service allocated per request (the same work if it
	 * did not move) and the databases' CPU per request (if it moved the same way, the
	 * machine did); each null unless both runs measured it.
	 */
	public record CostPair(String scenario, String variant, Spread first, Spread second, Double databaseRatio,
			Double allocationRatio) {

		/** Run 2's median over run 1's, null unless both were measured. */
		public Double ratio() {
			return Replication.ratio(this.first, this.second);
		}

	}

	private static Double ratio(Spread first, Spread second) {
		return (first != null && second != null && first.median() > 0) ? second.median() / first.median() : null;
	}

	/**
	 * What one run's steps recorded of the machine.
	 *
	 * @param steps every step with interference or load-generator figures
	 * @param invalidByLoadGenerator steps the load generator did not keep to schedule
	 * @param invalidByInterference steps the machine interfered with (steal, other
	 * processes on the service's core)
	 * @param maxSteal the largest steal share of any step, null if none recorded
	 * @param maxOthersOnServiceCores the largest share of the service's core used by
	 * other processes in any step, null if none recorded
	 * @param runsNotSteady scenario runs whose warm-up did not end steady
	 * @param runs scenario runs
	 */
	public record Conditions(int steps, int invalidByLoadGenerator, int invalidByInterference, Double maxSteal,
			Double maxOthersOnServiceCores, int runsNotSteady, int runs) {

		static Conditions of(Results results) {
			List<ScenarioRun> runs = (results.scenarios() != null) ? results.scenarios() : List.of();
			List<Step> steps = runs.stream()
				.filter((run) -> run.steps() != null)
				.flatMap((run) -> run.steps().stream())
				.toList();
			int byLoadGenerator = (int) steps.stream()
				.filter((step) -> step.loadGenerator() != null && step.loadGenerator().problem() != null)
				.count();
			// Step#invalidReason names the load generator first, the machine otherwise
			int byInterference = (int) steps.stream().filter((step) -> step.invalidReason() != null).count()
					- byLoadGenerator;
			int recorded = (int) steps.stream()
				.filter((step) -> step.interference() != null || step.loadGenerator() != null)
				.count();
			return new Conditions(recorded, byLoadGenerator, byInterference,
					max(steps, (step) -> (step.interference() != null) ? step.interference().stealShare() : null),
					max(steps,
							(step) -> (step.interference() != null) ? step.interference().othersOnServiceCores()
									: null),
					(int) runs.stream().filter((run) -> !Evidence.steady(run)).count(), runs.size());
		}

		private static Double max(List<Step> steps, Function<Step, Double> figure) {
			return steps.stream().map(figure).filter(Objects::nonNull).max(Double::compare).orElse(null);
		}

	}

	public List<VerdictPair> verdicts() {
		Map<String, String> inFirst = verdictsOf(this.first);
		Map<String, String> inSecond = verdictsOf(this.second);
		Set<String> ids = new LinkedHashSet<>(inFirst.keySet());
		ids.addAll(inSecond.keySet());
		return ids.stream()
			.map((id) -> new VerdictPair(id, inFirst.getOrDefault(id, "absent"), inSecond.getOrDefault(id, "absent")))
			.toList();
	}

	private static Map<String, String> verdictsOf(Results results) {
		List<ClaimVerdict> claims = (results.claims() != null) ? results.claims() : List.of();
		return claims.stream()
			.collect(Collectors.toMap(ClaimVerdict::id, ClaimVerdict::verdict, (a, b) -> b,
					java.util.LinkedHashMap::new));
	}

	/** Every scenario with a knee that either run has, for every variant either ran. */
	public List<KneePair> knees() {
		Set<String> scenarios = union(Results::scenarioNames);
		Set<String> variants = union(Results::variantNames);
		List<KneePair> pairs = new ArrayList<>();
		for (String scenario : scenarios) {
			if (Scenarios.named(scenario).p99ObjectiveMs().isEmpty()) {
				continue;
			}
			for (String variant : variants) {
				Knee.Summary a = KneeComparison.knee(this.inFirst, scenario, variant);
				Knee.Summary b = KneeComparison.knee(this.inSecond, scenario, variant);
				if (a.repeats() == 0 && b.repeats() == 0) {
					continue;
				}
				pairs.add(new KneePair(scenario, variant, a, b, agreement(a.median(), b.median(), KneeClaims.MARGIN)));
			}
		}
		return pairs;
	}

	/**
	 * Every scenario and variant with a CPU cost per request in either run: the figure
	 * steal cannot inflate (docs/comparison.md, "Efficiency"), so when it moves between
	 * the runs the same way for every variant, the machine changed between them.
	 */
	public List<CostPair> costs() {
		List<CostPair> pairs = new ArrayList<>();
		for (String scenario : union(Results::scenarioNames)) {
			for (String variant : union(Results::variantNames)) {
				Spread a = this.inFirst.runFigure(scenario, variant, Efficiency.CPU_PER_REQUEST);
				Spread b = this.inSecond.runFigure(scenario, variant, Efficiency.CPU_PER_REQUEST);
				if (a != null || b != null) {
					pairs.add(new CostPair(scenario, variant, a, b,
							ratioOf(scenario, variant, Efficiency.DATABASE_CPU_PER_REQUEST),
							ratioOf(scenario, variant, Efficiency.ALLOCATED_PER_REQUEST)));
				}
			}
		}
		return pairs;
	}

	private Double ratioOf(String scenario, String variant, String figure) {
		return ratio(this.inFirst.runFigure(scenario, variant, figure),
				this.inSecond.runFigure(scenario, variant, figure));
	}

	private Set<String> union(Function<Results, List<String>> names) {
		Set<String> union = new LinkedHashSet<>(names.apply(this.first));
		union.addAll(names.apply(this.second));
		return union;
	}

	/**
	 * Two knees agree when both are rates within {@code margin} of the larger one (a knee
	 * not reached counts at the highest rate it passed), or both lie below the lowest
	 * step; a knee cut short by an invalid step or not measured leaves the pair out.
	 */
	static Agreement agreement(Knee.Result first, Knee.Result second, double margin) {
		if (leftOut(first) || leftOut(second)) {
			return Agreement.LEFT_OUT;
		}
		boolean firstBelow = first.kind() == Knee.Kind.BELOW_LOWEST;
		boolean secondBelow = second.kind() == Knee.Kind.BELOW_LOWEST;
		if (firstBelow || secondBelow) {
			return (firstBelow && secondBelow) ? Agreement.AGREE : Agreement.DISAGREE;
		}
		double larger = Math.max(first.rate(), second.rate());
		return (Math.abs(first.rate() - second.rate()) <= margin * larger) ? Agreement.AGREE : Agreement.DISAGREE;
	}

	private static boolean leftOut(Knee.Result knee) {
		return knee.kind() == Knee.Kind.LIMITED || knee.kind() == Knee.Kind.NOT_MEASURED;
	}

	/** The comparison as Markdown, the runs named as given. */
	public String markdown(String firstName, String secondName) {
		StringBuilder md = new StringBuilder("# Do the two runs replicate?\n\n");
		md.append("Run 1: ").append(firstName).append("  \nRun 2: ").append(secondName).append("\n\n");
		md.append("| | run 1 | run 2 |\n|---|---|---|\n");
		Manifest a = this.first.manifest();
		Manifest b = this.second.manifest();
		row(md, "profile", a.profile() + " (" + a.repeats() + " repeats)",
				b.profile() + " (" + b.repeats() + " repeats)");
		row(md, "commit", commit(a), commit(b));
		row(md, "started", a.startedAt(), b.startedAt());
		row(md, "lasted", Format.orNotMeasured(a.durationSeconds(), Format::seconds),
				Format.orNotMeasured(b.durationSeconds(), Format::seconds));
		row(md, "machine", machine(a), machine(b));
		row(md, "kernel path at the start", calibration(a.calibration()), calibration(b.calibration()));
		row(md, "kernel path at the end", calibration(a.calibrationAtEnd()), calibration(b.calibrationAtEnd()));
		Conditions ca = Conditions.of(this.first);
		Conditions cb = Conditions.of(this.second);
		row(md, "steps invalid (load generator / interference)", invalid(ca), invalid(cb));
		row(md, "highest steal in a step", Format.orNotMeasured(ca.maxSteal(), Format::percent),
				Format.orNotMeasured(cb.maxSteal(), Format::percent));
		row(md, "most of the service's core used by others in a step",
				Format.orNotMeasured(ca.maxOthersOnServiceCores(), Format::percent),
				Format.orNotMeasured(cb.maxOthersOnServiceCores(), Format::percent));
		row(md, "scenario runs whose warm-up was not steady", ca.runsNotSteady() + " of " + ca.runs(),
				cb.runsNotSteady() + " of " + cb.runs());
		if (!Objects.equals(a.gitCommit(), b.gitCommit())) {
			md.append("\nThe runs are of different commits: their ledgers are judged by their own commits' rules "
					+ "unless `./loomflux report --judge-again` judged them again (the runs' notes say so).\n");
		}

		List<VerdictPair> verdicts = verdicts();
		md.append("\n## Verdicts: ")
			.append(verdicts.stream().filter(VerdictPair::same).count())
			.append(" of ")
			.append(verdicts.size())
			.append(" the same\n\n| claim | run 1 | run 2 | |\n|---|---|---|---|\n");
		for (VerdictPair verdict : verdicts) {
			md.append("| ")
				.append(verdict.id())
				.append(" | ")
				.append(verdict.first())
				.append(" | ")
				.append(verdict.second())
				.append(" | ")
				.append(verdict.same() ? "same" : "**differs**")
				.append(" |\n");
		}

		List<KneePair> knees = knees();
		long counted = knees.stream().filter((knee) -> knee.agreement() != Agreement.LEFT_OUT).count();
		md.append("\n## Knees: ")
			.append(knees.stream().filter((knee) -> knee.agreement() == Agreement.AGREE).count())
			.append(" of ")
			.append(counted)
			.append(" agree within ")
			.append(Math.round(KneeClaims.MARGIN * 100))
			.append(" %");
		if (counted < knees.size()) {
			md.append(" (").append(knees.size() - counted).append(" left out: cut short or not measured)");
		}
		md.append("\n\nEach run's knee is the median of its repeats (the lower of two), its repeats' range in brackets "
				+ "(docs/claims.md, \"The knee\").\n\n"
				+ "| scenario | variant | run 1 | run 2 | gap | |\n|---|---|---|---|---|---|\n");
		for (KneePair knee : knees) {
			md.append("| ")
				.append(knee.scenario())
				.append(" | ")
				.append(knee.variant())
				.append(" | ")
				.append(knee.first().text())
				.append(" | ")
				.append(knee.second().text())
				.append(" | ")
				.append(Format.orNotMeasured(knee.gap(), Format::percent))
				.append(" | ")
				.append(switch (knee.agreement()) {
					case AGREE -> "agree";
					case DISAGREE -> "**apart**";
					case LEFT_OUT -> "left out";
				})
				.append(" |\n");
		}
		md.append("\n## CPU per request at each scenario's efficiency rate\n\n"
				+ "The service's CPU time per successful request at a fixed rate below the knees, median (min..max) "
				+ "of each run's repeats: steal cannot inflate it, so where it moves between the runs (or between "
				+ "a run's repeats) the same way for every variant, the machine changed, and the knees move with "
				+ "it. Two figures of the same step say which: the heap the service allocated per request (if it "
				+ "stayed, the service did the same work) and PostgreSQL's and Redis's CPU per request (if it moved "
				+ "with the service's, so did the machine), each as run 2's median over run 1's.\n\n"
				+ "| scenario | variant | run 1 | run 2 | run 2 / run 1 | allocated, run 2 / run 1 "
				+ "| databases' CPU, run 2 / run 1 |\n|---|---|---|---|---|---|---|\n");
		for (CostPair cost : costs()) {
			md.append("| ")
				.append(cost.scenario())
				.append(" | ")
				.append(cost.variant())
				.append(" | ")
				.append(Spread.format(cost.first(), Format::micros))
				.append(" | ")
				.append(Spread.format(cost.second(), Format::micros))
				.append(" | ")
				.append(Format.orNotMeasured(cost.ratio(), Replication::times))
				.append(" | ")
				.append(Format.orNotMeasured(cost.allocationRatio(), Replication::times))
				.append(" | ")
				.append(Format.orNotMeasured(cost.databaseRatio(), Replication::times))
				.append(" |\n");
		}
		return md.toString();
	}

	/** Finer than {@link Format#ratio}: a machine that drifts does so by 5-30 %. */
	private static String times(double ratio) {
		return String.format(java.util.Locale.ROOT, "%.2fx", ratio);
	}

	private static void row(StringBuilder md, String name, String first, String second) {
		md.append("| ").append(name).append(" | ").append(first).append(" | ").append(second).append(" |\n");
	}

	private static String commit(Manifest manifest) {
		String commit = (manifest.gitCommit() != null) ? manifest.gitCommit() : "not known";
		return "`" + commit.substring(0, Math.min(7, commit.length())) + "`"
				+ (manifest.gitDirty() ? " with uncommitted changes" : "");
	}

	private static String machine(Manifest manifest) {
		return manifest.cpuModel() + ", " + manifest.cores() + " cores; service on CPU(s) " + manifest.serviceCpus()
				+ ", load on " + manifest.loadCpus();
	}

	private static String calibration(Calibration calibration) {
		return (calibration != null) ? calibration.text() : Format.NOT_MEASURED;
	}

	private static String invalid(Conditions conditions) {
		return conditions.invalidByLoadGenerator() + " / " + conditions.invalidByInterference() + " of "
				+ conditions.steps();
	}

}
