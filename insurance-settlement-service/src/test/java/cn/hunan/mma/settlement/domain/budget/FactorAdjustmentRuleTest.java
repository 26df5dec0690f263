package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The factor method on the worked example's grown spend (¥525m): 0.1% a point around 85, capped at 2%. */
class FactorAdjustmentRuleTest {

    private static final FactorAdjustmentRule RULE = new FactorAdjustmentRule(new BigDecimal("0.001"), new BigDecimal("85"),
            new BigDecimal("0.02"));
    private static final Money GROWN = Money.ofYuan("525000000.00");

    @Test
    void a_score_above_the_reference_raises_the_package_by_the_rate_per_point() {
        // 525,000,000.00 × 0.001 × (92 − 85) = 3,675,000.00
        assertThat(RULE.adjustment(GROWN, new BigDecimal("92"))).isEqualTo(SignedMoney.ofYuan("3675000.00"));
    }

    @Test
    void a_score_far_below_the_reference_lowers_it_by_no_more_than_the_cap() {
        // 525m × 0.001 × (60 − 85) = −13,125,000.00, beyond the cap of 2% = 10,500,000.00
        assertThat(RULE.adjustment(GROWN, new BigDecimal("60"))).isEqualTo(SignedMoney.ofYuan("-10500000.00"));
        assertThat(RULE.adjustment(GROWN, new BigDecimal("85"))).isEqualTo(SignedMoney.ZERO);
    }

    @Test
    void the_adjustment_is_rounded_once_to_the_fen_half_up() {
        // 1,000.01 × 0.001 × 3.5 = 3.500035 → 3.50; 1,001.43 × 0.001 × 5 = 5.00715 → 5.01
        assertThat(RULE.adjustment(Money.ofYuan("1000.01"), new BigDecimal("88.5"))).isEqualTo(SignedMoney.ofYuan("3.50"));
        assertThat(RULE.adjustment(Money.ofYuan("1001.43"), new BigDecimal("90"))).isEqualTo(SignedMoney.ofYuan("5.01"));
    }

    /**
     * A typed adjustment is held to the cap to the fen, as the computed one is: ¥1,050,000.25 × 2% = ¥21,000.005, and
     * a score far above the reference computes +¥21,000.01 (rounded half up), which typed back in must pass too.
     */
    @Test
    void a_typed_adjustment_may_reach_the_cap_to_the_fen_as_the_computed_one_does() {
        Money grown = Money.ofYuan("1050000.25");
        FactorAdjustmentRule steep = new FactorAdjustmentRule(new BigDecimal("0.002"), new BigDecimal("85"), new BigDecimal("0.02"));
        SignedMoney computed = steep.adjustment(grown, new BigDecimal("100"));

        assertThat(computed).isEqualTo(SignedMoney.ofYuan("21000.01"));
        assertThat(steep.allows(computed, grown)).isTrue();
        assertThat(steep.allows(SignedMoney.ofYuan("-21000.01"), grown)).isTrue();
        assertThat(steep.allows(SignedMoney.ofYuan("21000.02"), grown)).isFalse();
        assertThat(steep.allows(SignedMoney.ofYuan("-21000.02"), grown)).isFalse();
    }

    @Test
    void out_of_range_parameters_are_refused() {
        assertThatThrownBy(() -> new FactorAdjustmentRule(new BigDecimal("1.5"), new BigDecimal("85"), new BigDecimal("0.02")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratePerPoint");
        assertThatThrownBy(() -> new FactorAdjustmentRule(new BigDecimal("0.001"), new BigDecimal("101"), new BigDecimal("0.02")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referenceScore");
    }
}
