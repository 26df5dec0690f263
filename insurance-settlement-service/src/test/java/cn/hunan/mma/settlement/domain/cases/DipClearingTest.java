package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DipClearingTest {

    @Test
    void the_point_value_is_the_budget_over_the_points_half_up_to_six_decimals() {
        assertThat(DipClearing.pointValue(Money.ofYuan("33000.00"), new BigDecimal("2750"))).hasToString("12.000000");
        // 33,333.33 ÷ 2,750 = 12.12121090…: the seventh decimal rounds the sixth up.
        assertThat(DipClearing.pointValue(Money.ofYuan("33333.33"), new BigDecimal("2750"))).hasToString("12.121211");
        // 100.00 ÷ 3 = 33.3333333…: rounded down at the sixth.
        assertThat(DipClearing.pointValue(Money.ofYuan("100.00"), new BigDecimal("3"))).hasToString("33.333333");
    }

    @Test
    void no_points_or_no_budget_value_nothing() {
        assertThatThrownBy(() -> DipClearing.pointValue(Money.ofYuan("100.00"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DipClearing.pointValue(Money.ZERO, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_area_s_totals_and_adjustment_are_the_sums_of_its_institutions_lines() {
        DipClearing clearing = new DipClearing("430302", 2025, Money.ofYuan("33333.33"), 5, new BigDecimal("3350"),
                new BigDecimal("12.121211"), List.of(
                new DipClearing.InstitutionLine("430302H0001", 4, new BigDecimal("2750"), Money.ofYuan("23787.50"), Money.ofYuan("23054.54")),
                new DipClearing.InstitutionLine("430302T0101", 1, new BigDecimal("600"), Money.ofYuan("4800.00"), Money.ofYuan("5245.45"))));

        assertThat(clearing.institutions().get(0).adjustment().toYuanString()).isEqualTo("-732.96");
        assertThat(clearing.institutions().get(1).adjustment().toYuanString()).isEqualTo("445.45");
        assertThat(clearing.provisionalFundPayable()).isEqualTo(Money.ofYuan("28587.50"));
        assertThat(clearing.clearedFundPayable()).isEqualTo(Money.ofYuan("28299.99"));
        assertThat(clearing.adjustment().toYuanString()).isEqualTo("-287.51");
    }
}
