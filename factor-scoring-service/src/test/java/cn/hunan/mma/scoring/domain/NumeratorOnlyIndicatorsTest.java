package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;
import cn.hunan.mma.scoring.config.RuleSetJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's indicators without a denominator (a headcount, an amount, a count of violations) are scored only when the
 * scope reported what they read (their {@code scoredWhenAnyOf}): a 0 nobody reported is no data, not a score.
 */
class NumeratorOnlyIndicatorsTest {

    private final RuleSet seed = RuleSetJson.seed();

    /**
     * An institution whose only event in March is one upward referral (not flagged). Before, the headcounts and funding
     * it never reported scored 0.00 (CAPABILITY and SUPPORT 0.00) and the violations nobody reported 100.00 (CONDUCT),
     * so the composite read (100 × 0.15 + 100 × 0.06 + 0 × 0.08 + 0 × 0.06) ÷ 0.35 = 60.00; with nothing at all, 30.00.
     */
    @Test
    void an_institution_that_reported_only_a_referral_is_scored_on_referrals_alone() {
        EntityScore score = ScoreCalculator.score(seed, new Totals(Map.of("referrals.UP", 1L)), baseline -> Totals.EMPTY);

        assertThat(score.factorScores()).containsOnlyKeys(Factor.REFERRAL);
        assertThat(score.composite()).isEqualByComparingTo("100.00");
        for (String unreported : List.of("conduct.violation-count", "capability.senior-physicians-seconded",
                "capability.shared-centre-service-volume", "support.funding-delivered", "support.staff-reported")) {
            assertThat(indicator(score, unreported).score()).as(unreported).isNull();
        }
    }

    /** An institution that reported care and no violation has none: a real 100.00, as DOMAIN's "violations ↓" means. */
    @Test
    void no_violation_where_care_was_reported_scores_full_marks() {
        for (String care : List.of("visits", "admissions", "discharges")) {
            EntityScore score = ScoreCalculator.score(seed, new Totals(Map.of(care, 40L)), baseline -> Totals.EMPTY);
            assertThat(indicator(score, "conduct.violation-count").score()).as(care).isEqualByComparingTo("100.00");
        }
    }

    /** A support report stating 0 staff and no funding is data: 0.00, not unscored; it says nothing about violations. */
    @Test
    void a_support_report_of_zero_scores_zero_and_leaves_the_violations_unscored() {
        EntityScore score = ScoreCalculator.score(seed, new Totals(Map.of("support.reports", 1L)), baseline -> Totals.EMPTY);

        assertThat(indicator(score, "support.staff-reported").score()).isEqualByComparingTo("0.00");
        assertThat(indicator(score, "support.funding-delivered").score()).isEqualByComparingTo("0.00");
        assertThat(indicator(score, "conduct.violation-count").score()).isNull();
    }

    /**
     * Growth against March's 10 contracts: an April with no event at all is not yet data (before: −100 % → 0.00); an April
     * with prevention work (follow-ups) and no contract signed is a real fall to 0.00.
     */
    @Test
    void a_growth_falls_to_zero_only_where_the_scope_reported_the_work_around_it() {
        Totals march = new Totals(Map.of("prevention.family-doctor-contracts", 10L));

        EntityScore silent = ScoreCalculator.score(seed, Totals.EMPTY, baseline -> march);
        assertThat(indicator(silent, "prevention.contract-growth").score()).isNull();
        EntityScore followedUp = ScoreCalculator.score(seed, new Totals(Map.of("prevention.follow-ups", 5L)), baseline -> march);
        assertThat(indicator(followedUp, "prevention.contract-growth").score()).isEqualByComparingTo("0.00");
    }

    @Test
    void scored_when_any_of_must_name_measures_and_is_for_indicators_without_a_denominator() {
        RuleSet rules = TestRuleSets.twoFactors("v", seed.effectiveFrom(), "1", "1");
        Scoring target = new Scoring(ScoringMethod.TARGET, BigDecimal.ONE, null);
        IndicatorDefinition dangling = new IndicatorDefinition("x", "x", "x", Factor.SUPPORT, "visits", null, null, "n",
                Direction.HIGHER_IS_BETTER, target, BigDecimal.ONE, List.of("nowhere"));
        IndicatorDefinition withDenominator = new IndicatorDefinition("y", "y", "y", Factor.SUPPORT, "visits", "visits", null, "n",
                Direction.HIGHER_IS_BETTER, target, BigDecimal.ONE, List.of("visits"));
        RuleSet bad = new RuleSet("v", rules.effectiveFrom(), rules.factorWeights(), rules.measures(), List.of(dangling, withDenominator));

        assertThat(RuleSetValidator.problemsOf(bad)).containsExactly(
                "indicator x: scoredWhenAnyOf names no measure of this rule set: nowhere",
                "indicator y: scoredWhenAnyOf is for an indicator without a denominator (a zero denominator already leaves it unscored)");
        // Read back with it; an indicator without it is written without it.
        assertThat(RuleSetJson.parse(RuleSetJson.write(bad)).indicators().get(0).scoredWhenAnyOf()).containsExactly("nowhere");
        assertThat(new String(RuleSetJson.write(rules), StandardCharsets.UTF_8)).doesNotContain("scoredWhenAnyOf");
    }

    private static IndicatorResult indicator(EntityScore score, String id) {
        return score.indicators().stream().filter(result -> result.indicatorId().equals(id)).findFirst().orElseThrow();
    }
}
