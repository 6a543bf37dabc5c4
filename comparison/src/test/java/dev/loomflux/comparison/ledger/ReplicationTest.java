package dev.loomflux.comparison.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.ledger.Replication.Agreement;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Results;
import dev.loomflux.comparison.results.ResultsJson;
import org.junit.jupiter.api.Test;

import static dev.loomflux.comparison.ledger.Fixtures.openOk;
import static org.assertj.core.api.Assertions.assertThat;

class ReplicationTest {

	private static final Path PUBLISHED = Path.of("../docs/results/2026-12-05/results.json");

	@Test
	void shouldCallKneesWithinTheMarginOfTheLargerOneAgreed() {
		Knee.Result at1000 = Knee.of(List.of(openOk(1000, 10), openOk(1100, 500)), 100);
		Knee.Result at800 = Knee.of(List.of(openOk(800, 10), openOk(900, 500)), 100);
		Knee.Result at790 = Knee.of(List.of(openOk(790, 10), openOk(900, 500)), 100);
		assertThat(Replication.agreement(at1000, at800, 0.2)).as("20 % of 1,000").isEqualTo(Agreement.AGREE);
		assertThat(Replication.agreement(at790, at1000, 0.2)).isEqualTo(Agreement.DISAGREE);
	}

	@Test
	void shouldCountKneesPastTheLadderOrBelowItAndLeaveOutTheOnesCutShort() {
		Knee.Result atLeast1000 = Knee.of(List.of(openOk(500, 10), openOk(1000, 10)), 100);
		Knee.Result at900 = Knee.of(List.of(openOk(900, 10), openOk(1000, 500)), 100);
		Knee.Result at500 = Knee.of(List.of(openOk(500, 10), openOk(1000, 500)), 100);
		Knee.Result below500 = Knee.of(List.of(openOk(500, 500)), 100);
		Knee.Result cutShort = new Knee.Result(Knee.Kind.LIMITED, 1000.0, null, 500.0, null, "load generator limit",
				null);
		assertThat(Replication.agreement(atLeast1000, atLeast1000, 0.2)).isEqualTo(Agreement.AGREE);
		assertThat(Replication.agreement(atLeast1000, at900, 0.2)).isEqualTo(Agreement.AGREE);
		assertThat(Replication.agreement(atLeast1000, at500, 0.2)).isEqualTo(Agreement.DISAGREE);
		assertThat(Replication.agreement(below500, below500, 0.2)).isEqualTo(Agreement.AGREE);
		assertThat(Replication.agreement(below500, at500, 0.2)).isEqualTo(Agreement.DISAGREE);
		assertThat(Replication.agreement(cutShort, atLeast1000, 0.2)).isEqualTo(Agreement.LEFT_OUT);
		assertThat(Replication.agreement(at900, Knee.Result.notMeasured(), 0.2)).isEqualTo(Agreement.LEFT_OUT);
	}

	@Test
	void shouldFindAPublishedRunReplicatedByItself() throws IOException {
		Results run = ResultsJson.read(PUBLISHED);
		Replication replication = Replication.of(run, run);

		assertThat(replication.verdicts()).hasSize(14).allMatch(Replication.VerdictPair::same);
		// catalog-read, home-fanout and mixed for loom, platform, reactive and
		// reactive-inline
		assertThat(replication.knees()).hasSize(12)
			.allMatch((knee) -> knee.agreement() != Agreement.DISAGREE)
			.anyMatch((knee) -> knee.agreement() == Agreement.AGREE);
		assertThat(replication.costs()).isNotEmpty().allSatisfy((cost) -> {
			assertThat(cost.ratio()).isEqualTo(1.0);
			assertThat(cost.databaseRatio()).isEqualTo(1.0);
		});
		// that run measured the heap allocated per request for some scenarios and
		// variants
		// only
		assertThat(replication.costs()).extracting(Replication.CostPair::allocationRatio)
			.containsOnly(1.0, null)
			.contains(1.0);
		assertThat(replication.markdown("a", "b")).contains("## Verdicts: 14 of 14 the same", "| C8 |",
				"| home-fanout | loom | ", "| 1.00x | 1.00x | 1.00x |");
	}

	@Test
	void shouldSayWhichVerdictsAndKneesDiffer() throws IOException {
		Results run = ResultsJson.read(PUBLISHED);
		List<ClaimVerdict> claims = new ArrayList<>(run.claims());
		ClaimVerdict c8 = claims.get(7);
		claims.set(7, new ClaimVerdict(c8.id(), c8.claim(), c8.translation(), c8.experiment(), c8.figures(),
				c8.verdict().equals(Verdict.SUPPORTED) ? Verdict.REFUTED : Verdict.SUPPORTED, c8.rule(), c8.why()));
		Results other = new Results(run.manifest(), run.footprints(),
				run.scenarios()
					.stream()
					.filter((scenario) -> !(scenario.scenario().equals("mixed") && scenario.variant().equals("loom")))
					.toList(),
				run.microbenchmarks(), run.codeMetrics(), claims);

		Replication replication = Replication.of(run, other);

		assertThat(replication.verdicts()).filteredOn((verdict) -> !verdict.same())
			.extracting(Replication.VerdictPair::id)
			.containsExactly("C8");
		assertThat(replication.knees())
			.filteredOn((knee) -> knee.scenario().equals("mixed") && knee.variant().equals("loom"))
			.singleElement()
			.extracting(Replication.KneePair::agreement)
			.isEqualTo(Agreement.LEFT_OUT);
		assertThat(replication.markdown("a", "b")).contains("## Verdicts: 13 of 14 the same", "**differs**",
				"left out: cut short or not measured");
	}

}
