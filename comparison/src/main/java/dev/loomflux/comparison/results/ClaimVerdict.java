package dev.loomflux.comparison.results;

import java.util.Map;

/**
 * One row of the claims ledger: a claim (docs/claims.md), the experiment that tests it,
 * the deciding figures per variant and the verdict computed from them by a stated rule.
 *
 * @param id {@code C1} .. {@code C14}
 * @param claim the claim, paraphrased
 * @param translation what the claim means for Java, where the translation changes it
 * @param experiment the scenario or microbenchmark that tests it
 * @param figures deciding figures per variant (variant -> text such as
 * {@code "p99 12 ms"}); "not measured" where a figure is missing
 * @param verdict {@code supported}, {@code refuted}, {@code it depends} or
 * {@code not measured}
 * @param rule the threshold the verdict was computed with
 * @param why the verdict in a sentence, with the numbers
 */
public record ClaimVerdict(String id, String claim, String translation, String experiment, Map<String, String> figures,
		String verdict, String rule, String why) {
}
