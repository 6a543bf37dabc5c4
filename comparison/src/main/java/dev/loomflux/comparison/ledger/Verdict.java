package dev.loomflux.comparison.ledger;

import java.util.Map;

import dev.loomflux.comparison.results.ClaimVerdict;

/** The four verdicts, and the one way a rule turns its decision into a ledger row. */
final class Verdict {

	static final String SUPPORTED = "supported";

	static final String REFUTED = "refuted";

	static final String IT_DEPENDS = "it depends";

	static final String NOT_MEASURED = "not measured";

	private Verdict() {
	}

	static ClaimVerdict of(Claim claim, Map<String, String> figures, String verdict, String rule, String why) {
		return new ClaimVerdict(claim.name(), claim.text, claim.translation, claim.experiment, figures, verdict, rule,
				why);
	}

}
