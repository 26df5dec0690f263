package cn.hunan.mma.scoring.domain;

import cn.hunan.mma.events.scoring.Factor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCalculatorTest {

    private static IndicatorDefinition indicator(Direction direction, Scoring scoring, String multiplier) {
        return new IndicatorDefinition("i", "指标", "indicator", Factor.QUALITY_EFFICIENCY, "n", "d",
                new BigDecimal(multiplier), "u", direction, scoring, BigDecimal.ONE);
    }

    private static Totals totals(long numerator, long denominator) {
        return new Totals(Map.of("n", numerator, "d", denominator));
    }

    @Test
    void target_scoring_caps_at_one_hundred() {
        Scoring target = new Scoring(ScoringMethod.TARGET, new BigDecimal("0.65"), null);
        // 13 ÷ 20 = 0.65 → 100; 26 ÷ 100 = 0.26 → 0.26 ÷ 0.65 = 40.00
        assertThat(ScoreCalculator.evaluate(indicator(Direction.HIGHER_IS_BETTER, target, "1"), totals(13, 20), Totals.EMPTY).score())
                .isEqualByComparingTo("100.00");
        assertThat(ScoreCalculator.evaluate(indicator(Direction.HIGHER_IS_BETTER, target, "1"), totals(26, 100), Totals.EMPTY).score())
                .isEqualByComparingTo("40.00");
    }

    @Test
    void target_scoring_is_inverted_for_lower_is_better() {
        // Average stay 8 days against a target of 7: 7 ÷ 8 = 87.50.
        Scoring target = new Scoring(ScoringMethod.TARGET, new BigDecimal("7"), null);
        assertThat(ScoreCalculator.evaluate(indicator(Direction.LOWER_IS_BETTER, target, "1"), totals(80, 10), Totals.EMPTY).score())
                .isEqualByComparingTo("87.50");
    }

    @Test
    void band_scoring_is_linear_between_floor_and_target() {
        // Out-of-area rate 0.2 between floor 0.3 (0 points) and target 0.1 (100 points): 50.00.
        Scoring band = new Scoring(ScoringMethod.BAND, new BigDecimal("0.1"), new BigDecimal("0.3"));
        assertThat(ScoreCalculator.evaluate(indicator(Direction.LOWER_IS_BETTER, band, "1"), totals(2, 10), Totals.EMPTY).score())
                .isEqualByComparingTo("50.00");
    }

    @Test
    void improvement_scores_the_change_against_the_previous_period() {
        // Cost per case 5,000 → 4,900 yuan: −2% where −5% earns full marks → 40.00.
        Scoring improvement = new Scoring(ScoringMethod.IMPROVEMENT, new BigDecimal("0.05"), null);
        IndicatorResult result = ScoreCalculator.evaluate(indicator(Direction.LOWER_IS_BETTER, improvement, "0.01"),
                totals(49_000_000, 100), totals(50_000_000, 100));
        assertThat(result.value()).isEqualByComparingTo("4900");
        assertThat(result.score()).isEqualByComparingTo("40.00");
    }

    @Test
    void a_zero_denominator_leaves_the_indicator_and_its_factor_out_of_the_composite() {
        RuleSet rules = TestRuleSets.twoFactors("v", java.time.LocalDate.parse("2025-01-01"), "1", "3");
        // 1 primary visit of 2 → 0.5 → 100; no discharges → REFERRAL unscored, so the composite is OUTPATIENT alone.
        EntityScore score = ScoreCalculator.score(rules, new Totals(Map.of("visits", 2L, "visits.primary-level", 1L)), baseline -> Totals.EMPTY);

        // REFERRAL has no score at all — no data is not 0.00 (a ranking by it leaves the entity out); until 2026-11-25 (9) 0.00.
        assertThat(score.factorScore(Factor.REFERRAL)).isNull();
        assertThat(score.factorScores()).containsOnlyKeys(Factor.OUTPATIENT);
        assertThat(score.composite()).isEqualByComparingTo("100.00");
    }
}
