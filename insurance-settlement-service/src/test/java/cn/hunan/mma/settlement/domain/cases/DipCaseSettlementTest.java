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

/** DIP: group I63.9 score 800, mean cost ¥10,000, point value ¥12.50, county coefficient 0.95 → standard ¥9,500. */
class DipCaseSettlementTest {

    private static final CaseSettler SETTLER = new CaseSettler(TestCaseRules.of(PaymentMethod.DIP), DrgWeights.changsha2023(),
            new DipCatalogue(List.of(new DipGroup("I63.9", new BigDecimal("800"), Money.ofYuan("10000.00")))));

    @Test
    void the_point_value_is_the_budget_over_all_points() {
        // ¥2.5m ÷ (800 × 100 + 1200 × 100) = ¥12.50 per point
        assertThat(DipPointValue.of(Money.ofYuan("2500000.00"),
                List.of(new GroupVolume(new BigDecimal("800"), 100), new GroupVolume(new BigDecimal("1200"), 100))))
                .isEqualByComparingTo("12.5");
    }

    @Test
    void a_normal_case_is_paid_score_times_point_value_times_coefficient() {
        CaseDecision decision = settle("9000.00", quota(100, 0));

        assertThat(decision.standardPayment()).isEqualTo(Money.ofYuan("9500.00"));
        assertThat(decision.groupCode()).isEqualTo("I63.9");
        assertThat(decision.outlier()).isEqualTo(OutlierKind.NONE);
        assertThat(decision.casePayment()).isEqualTo(Money.ofYuan("9500.00"));
    }

    @Test
    void below_half_the_standard_is_paid_at_cost() {
        // ¥4,000 < 50% × ¥9,500 = ¥4,750
        CaseDecision decision = settle("4000.00", quota(100, 0));

        assertThat(decision.outlier()).isEqualTo(OutlierKind.LOW_COST);
        assertThat(decision.casePayment()).isEqualTo(Money.ofYuan("4000.00"));
    }

    @Test
    void above_twice_the_mean_the_score_is_adjusted() {
        // ¥25,000 > 2 × ¥10,000: score 800 × (25,000/10,000 − 2 + 1) = 1,200 → 1,200 × ¥12.5 × 0.95 = ¥14,250
        CaseDecision decision = settle("25000.00", quota(100, 0));

        assertThat(decision.outlier()).isEqualTo(OutlierKind.HIGH_COST);
        assertThat(decision.appliedWeight()).isEqualByComparingTo("1200");
        assertThat(decision.casePayment()).isEqualTo(Money.ofYuan("14250.00"));
    }

    @Test
    void above_five_times_the_mean_goes_to_expert_review_while_the_five_per_mille_quota_lasts() {
        // 199 cases settled, none reviewed: the 200th may be the first review (5‰ × 200 = 1)
        CaseDecision reviewed = settle("60000.00", quota(199, 0));
        // 10 cases so far: 5‰ × 11 < 1, so the case is priced as a high-cost outlier instead:
        // 800 × (60,000/10,000 − 2 + 1) = 4,000 points → ¥47,500
        CaseDecision overQuota = settle("60000.00", quota(10, 0));

        assertThat(reviewed.outlier()).isEqualTo(OutlierKind.EXPERT_REVIEW);
        assertThat(reviewed.casePayment()).isEqualTo(Money.ofYuan("9500.00"));
        assertThat(overQuota.outlier()).isEqualTo(OutlierKind.HIGH_COST);
        assertThat(overQuota.casePayment()).isEqualTo(Money.ofYuan("47500.00"));
    }

    private static ReviewQuota quota(long cases, long reviews) {
        return new ReviewQuota(new BigDecimal("0.005"), cases, reviews);
    }

    private static CaseDecision settle(String actual, ReviewQuota quota) {
        return SETTLER.settle(new CaseFacts(Level.COUNTY, DrgCode.of("BR25"), Icd10Code.of("I63.900"), List.of(), false,
                        Money.ofYuan(actual), Money.ZERO, quota))
                .orElseThrow();
    }
}
