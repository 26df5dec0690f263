package cn.hunan.mma.scoring.rest;

import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.ScoreCalculator;
import cn.hunan.mma.scoring.domain.TestRuleSets;
import cn.hunan.mma.scoring.domain.Totals;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a ranking orders by, on scores worked out by {@link ScoreCalculator}. */
class RankingCriterionTest {

    private final RuleSet rules = TestRuleSets.twoFactors("v1", LocalDate.parse("2025-01-01"), "1", "1");

    /**
     * A village clinic with visits and no discharges: its REFERRAL factor (discharges to primary care ÷ discharges) has no
     * data, so a ranking by it leaves the clinic out rather than listing it at 0.00; its OUTPATIENT factor ranks it.
     */
    @Test
    void an_entity_whose_factor_has_no_scored_indicator_has_no_value_by_that_factor() {
        EntityScore clinic = ScoreCalculator.score(rules, new Totals(Map.of("visits", 2L, "visits.primary-level", 2L)),
                baseline -> Totals.EMPTY);

        assertThat(RankingCriterion.parse("factor:REFERRAL", rules).valueOf(clinic)).isNull();
        assertThat(RankingCriterion.parse("factor:OUTPATIENT", rules).valueOf(clinic)).isEqualByComparingTo("100.00");
        assertThat(RankingCriterion.parse("composite", rules).valueOf(clinic)).isEqualByComparingTo("100.00");
    }

    /** A factor scored at 0.00 by its data still ranks, at 0.00. */
    @Test
    void a_factor_scored_zero_by_its_data_ranks_at_zero() {
        EntityScore hospital = ScoreCalculator.score(rules, new Totals(Map.of("visits", 3L, "discharges", 2L)), baseline -> Totals.EMPTY);

        assertThat(RankingCriterion.parse("factor:REFERRAL", rules).valueOf(hospital)).isEqualByComparingTo("0.00");
    }

    @Test
    void the_score_view_shows_a_factor_without_data_as_null() {
        EntityScore clinic = ScoreCalculator.score(rules, new Totals(Map.of("visits", 2L, "visits.primary-level", 2L)),
                baseline -> Totals.EMPTY);

        ScoreView view = ScoreView.of("INSTITUTION:430321V100001", "2025-03", clinic, java.util.List.of());
        assertThat(view.factors()).hasSize(9).containsEntry(cn.hunan.mma.events.scoring.Factor.REFERRAL, null);
        assertThat(view.factors().get(cn.hunan.mma.events.scoring.Factor.OUTPATIENT)).isEqualByComparingTo("100.00");
    }
}
