package cn.hunan.mma.scoring.streams;

import cn.hunan.mma.events.value.Period;
import cn.hunan.mma.scoring.config.RuleSetJson;
import cn.hunan.mma.scoring.domain.EntityScore;
import cn.hunan.mma.scoring.domain.IndicatorResult;
import cn.hunan.mma.scoring.domain.RuleSet;
import cn.hunan.mma.scoring.domain.ScoreCalculator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code referral.downward-referral-growth} in the seed rule set: DOMAIN §6 asks for ≥ 10 % more downward referrals a
 * year, so every period is compared with the same period a year before. Downward referrals of one alliance, by month:
 * 2024-03 20, 2024-09 80 (2024: 100, H1 20, H2 80); 2025-02 30, 2025-03 21, 2025-09 55 (2025: 106, H1 51, H2 55).
 */
class DownwardReferralGrowthTest {

    private static final String SCOPE = "ALLIANCE:CC-430321";
    private static final String INDICATOR = "referral.downward-referral-growth";

    private final RuleSet seed = RuleSetJson.seed();
    private final Map<String, MonthTotals> store = new HashMap<>();

    DownwardReferralGrowthTest() {
        downwardReferrals("2024-03", 20);
        downwardReferrals("2024-09", 80);
        downwardReferrals("2025-02", 30);
        downwardReferrals("2025-03", 21);
        downwardReferrals("2025-09", 55);
    }

    @Test
    void a_month_is_compared_with_the_same_month_a_year_before() {
        // 21 against March 2024's 20: +5 % of the 10 % target → 50.00. (Against February's 30, as before 2026-11-25 (6):
        // −30 % → 0.00.)
        assertThat(growth("2025-03").score()).isEqualByComparingTo("50.00");
    }

    @Test
    void a_year_is_compared_with_the_year_before() {
        // 106 against 100: +6 % of the 10 % target → 60.00.
        IndicatorResult year = growth("2025");
        assertThat(year.numerator()).isEqualTo(106);
        assertThat(year.score()).isEqualByComparingTo("60.00");
    }

    @Test
    void a_half_year_is_compared_with_the_same_half_a_year_before() {
        // H2: 55 against H2 2024's 80: −31.25 % → 0.00 (against H1 2025's 51 it would be +7.84 % → 78.43).
        assertThat(growth("2025-H2").score()).isEqualByComparingTo("0.00");
        // H1: 51 against H1 2024's 20: +155 %, capped at 100.00.
        assertThat(growth("2025-H1").score()).isEqualByComparingTo("100.00");
    }

    private IndicatorResult growth(String period) {
        TotalsReader totals = TotalsReader.of(store::get);
        Period parsed = Period.parse(period);
        EntityScore score = ScoreCalculator.score(seed, totals.totals(SCOPE, parsed, seed), totals.baselines(SCOPE, parsed, seed));
        return score.indicators().stream().filter(result -> result.indicatorId().equals(INDICATOR)).findFirst().orElseThrow();
    }

    private void downwardReferrals(String month, long count) {
        store.put(TotalsKeys.of(SCOPE, month), new MonthTotals(Map.of("referrals.DOWN", count), List.of(), List.of()));
    }
}
