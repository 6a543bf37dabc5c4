package dev.loomflux.comparison.ledger;

import java.util.ArrayList;
import java.util.List;

import dev.loomflux.comparison.figures.Evidence;
import dev.loomflux.comparison.figures.Knee;
import dev.loomflux.comparison.results.ClaimVerdict;
import dev.loomflux.comparison.results.Results;

/**
 * The claims ledger: every claim ({@link Claim}, explained in docs/claims.md) decided
 * from a run's figures by a stated rule. Where each rule lives:
 * <table>
 * <tr>
 * <td>C1</td>
 * <td>{@link InFlightPerThread}</td>
 * </tr>
 * <tr>
 * <td>C2</td>
 * <td>{@link ThreadPerRequestCollapse}</td>
 * </tr>
 * <tr>
 * <td>C3</td>
 * <td>{@link EventLoopConnections}</td>
 * </tr>
 * <tr>
 * <td>C4</td>
 * <td>{@link EventLoopStall}</td>
 * </tr>
 * <tr>
 * <td>C5</td>
 * <td>{@link CpuBoundVirtualThreads}</td>
 * </tr>
 * <tr>
 * <td>C6, C7</td>
 * <td>{@link SuspendedTasks}</td>
 * </tr>
 * <tr>
 * <td>C8, C9</td>
 * <td>{@link KneeClaims} (knees by {@link Knee})</td>
 * </tr>
 * <tr>
 * <td>C10, C11</td>
 * <td>{@link CoresAndFootprint}</td>
 * </tr>
 * <tr>
 * <td>C12</td>
 * <td>{@link ThreadPerRequestCost}</td>
 * </tr>
 * <tr>
 * <td>C13</td>
 * <td>{@link CodeSimplicity}</td>
 * </tr>
 * <tr>
 * <td>C14</td>
 * <td>{@link OverallChoice}, composed from the rows above</td>
 * </tr>
 * </table>
 * With repeats every rule decides on medians across repeats and quotes median (min..max).
 * A missing figure gives "not measured", never a verdict computed from zero.
 */
public final class Ledger {

	private Ledger() {
	}

	public static List<ClaimVerdict> evaluate(Results results) {
		Evidence evidence = new Evidence(results);
		List<ClaimVerdict> rows = new ArrayList<>();
		rows.add(InFlightPerThread.evaluate(evidence));
		rows.add(ThreadPerRequestCollapse.evaluate(evidence));
		rows.add(EventLoopConnections.evaluate(evidence));
		rows.add(EventLoopStall.evaluate(evidence));
		rows.add(CpuBoundVirtualThreads.evaluate(evidence));
		rows.add(SuspendedTasks.handoffs(evidence));
		rows.add(SuspendedTasks.parked(evidence));
		rows.add(KneeClaims.ioParity(evidence));
		rows.add(KneeClaims.mixed(evidence));
		rows.add(CoresAndFootprint.cores(evidence));
		rows.add(CoresAndFootprint.footprint(evidence));
		rows.add(ThreadPerRequestCost.evaluate(evidence));
		rows.add(CodeSimplicity.evaluate(evidence));
		rows.add(OverallChoice.evaluate(evidence, rows));
		return List.copyOf(rows);
	}

	/**
	 * The source articles of a claim, by number (docs/claims.md#the-sources), for the
	 * ledger table.
	 */
	public static String source(String claimId) {
		try {
			return Claim.valueOf(claimId).source;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return "";
		}
	}

}
