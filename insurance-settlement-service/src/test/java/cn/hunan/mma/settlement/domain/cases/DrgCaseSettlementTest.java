package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.insurance.OutlierKind;
import cn.hunan.mma.events.insurance.PaymentMethod;
import cn.hunan.mma.events.value.DrgCode;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DRG with the real Changsha 2023 weights: BR25 0.781, ES31 0.7613; base rate ¥10,000; county coefficient 0.9. */
class DrgCaseSettlementTest {

    private static final DrgWeights WEIGHTS = DrgWeights.changsha2023();
    private static final CaseSettler SETTLER = new CaseSettler(TestCaseRules.of(PaymentMethod.DRG), WEIGHTS, DipCatalogue.EMPTY);
    private static final Icd10Code STROKE = Icd10Code.of("I63.900");
    private static final ReviewQuota FRESH = new ReviewQuota(new BigDecimal("0.05"), 0, 0);

    @Test
    void loads_the_734_weighted_groups_of_the_changsha_table() {
        assertThat(WEIGHTS.size()).isEqualTo(734);
        assertThat(WEIGHTS.weightOf(DrgCode.of("AB19"))).contains(new BigDecimal("28.6473"));
        assertThat(WEIGHTS.weightOf(DrgCode.of("NG19"))).isEmpty();
    }

    @Test
    void the_standard_is_weight_times_base_rate_times_coefficient() {
        // 0.781 × ¥10,000 × 0.9 = ¥7,029.00; fund pays it less the county deductible ¥600
        CaseDecision decision = settle(Level.COUNTY, "BR25", false, "6500.00", "0.00");

        assertThat(decision.standardPayment()).isEqualTo(Money.ofYuan("7029.00"));
        assertThat(decision.outlier()).isEqualTo(OutlierKind.NONE);
        assertThat(decision.fundPayable()).isEqualTo(Money.ofYuan("6429.00"));
    }

    @Test
    void a_case_below_the_low_threshold_is_paid_at_cost() {
        // 40% of ¥7,029 = ¥2,811.60 > ¥2,500
        CaseDecision decision = settle(Level.COUNTY, "BR25", false, "2500.00", "0.00");

        assertThat(decision.outlier()).isEqualTo(OutlierKind.LOW_COST);
        assertThat(decision.casePayment()).isEqualTo(Money.ofYuan("2500.00"));
        assertThat(decision.fundPayable()).isEqualTo(Money.ofYuan("1900.00"));
    }

    @Test
    void a_case_above_the_high_threshold_is_paid_an_adjusted_standard() {
        // ¥28,116 = 4 × ¥7,029 > 3 × standard: factor 4 − 3 + 1 = 2 → ¥14,058.00
        CaseDecision decision = settle(Level.COUNTY, "BR25", false, "28116.00", "0.00");

        assertThat(decision.outlier()).isEqualTo(OutlierKind.HIGH_COST);
        assertThat(decision.casePayment()).isEqualTo(Money.ofYuan("14058.00"));
    }

    @Test
    void a_case_above_five_times_goes_to_expert_review_and_is_paid_the_standard_meanwhile() {
        CaseDecision decision = settle(Level.COUNTY, "BR25", false, "40000.00", "0.00");

        assertThat(decision.outlier()).isEqualTo(OutlierKind.EXPERT_REVIEW);
        assertThat(decision.casePayment()).isEqualTo(Money.ofYuan("7029.00"));
    }

    @Test
    void complex_cases_carry_the_configured_extra_weight() {
        // ES31 (伴严重合并症): 0.7613 × 1.1 = 0.83743 × ¥10,000 × 0.9 = ¥7,536.87
        assertThat(settle(Level.COUNTY, "ES31", false, "7000.00", "0.00").standardPayment())
                .isEqualTo(Money.ofYuan("7536.87"));
    }

    @Test
    void a_primary_level_disease_is_paid_the_same_at_every_level() {
        // 0.781 × ¥10,000 × 0.85 = ¥6,638.50 at the township centre and at the city hospital
        assertThat(settle(Level.TOWNSHIP, "BR25", true, "6000.00", "0.00").standardPayment())
                .isEqualTo(Money.ofYuan("6638.50"));
        assertThat(settle(Level.CITY, "BR25", true, "6000.00", "0.00").standardPayment())
                .isEqualTo(Money.ofYuan("6638.50"));
    }

    @Test
    void the_second_stay_of_a_referral_episode_pays_only_the_deductible_difference() {
        // first stay (county) paid ¥600: a second county stay pays none, a city stay only ¥900 − ¥600
        assertThat(settle(Level.COUNTY, "BR25", false, "6500.00", "600.00").deductibleDue()).isEqualTo(Money.ZERO);
        assertThat(settle(Level.COUNTY, "BR25", false, "6500.00", "600.00").fundPayable()).isEqualTo(Money.ofYuan("7029.00"));
        assertThat(settle(Level.CITY, "BR25", false, "6500.00", "600.00").deductibleDue()).isEqualTo(Money.ofYuan("300.00"));
        assertThat(settle(Level.TOWNSHIP, "BR25", false, "6500.00", "600.00").deductibleDue()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_group_without_a_weight_cannot_be_priced() {
        assertThat(SETTLER.settle(new CaseFacts(Level.CITY, DrgCode.of("NG19"), STROKE, List.of(), false, Money.ofYuan("1.00"),
                Money.ZERO, FRESH))).isEmpty();
    }

    private static CaseDecision settle(Level level, String group, boolean primaryDisease, String actual, String paid) {
        return SETTLER.settle(new CaseFacts(level, DrgCode.of(group), STROKE, List.of(), primaryDisease, Money.ofYuan(actual),
                Money.ofYuan(paid), new ReviewQuota(new BigDecimal("0.05"), 100, 0))).orElseThrow();
    }
}
