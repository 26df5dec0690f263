package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageBudgetTest {

    private static final BudgetParameters FIVE_PERCENT_GROWTH_FIVE_PERCENT_RESERVE =
            new BudgetParameters(new BigDecimal("0.05"), new BigDecimal("0.05"));

    @Test
    void the_domain_worked_example_gives_a_package_of_488_75_million() {
        // DOMAIN.md §7: ¥500m × 1.05 = ¥525m; reserve 5% = ¥26.25m; carve-outs ¥10m → P = ¥488.75m.
        PackageBudget budget = PackageBudget.compute(
                new BudgetInputs(yuan("500000000.00"), yuan("10000000.00"), SignedMoney.ZERO),
                FIVE_PERCENT_GROWTH_FIVE_PERCENT_RESERVE);

        assertThat(budget.grownSpend()).isEqualTo(yuan("525000000.00"));
        assertThat(budget.riskReserve()).isEqualTo(yuan("26250000.00"));
        assertThat(budget.packageTotal()).isEqualTo(yuan("488750000.00"));
    }

    @Test
    void a_negative_factor_adjustment_lowers_the_package() {
        PackageBudget budget = PackageBudget.compute(
                new BudgetInputs(yuan("500000000.00"), yuan("10000000.00"), SignedMoney.ofYuan("-750000.00")),
                FIVE_PERCENT_GROWTH_FIVE_PERCENT_RESERVE);

        assertThat(budget.packageTotal()).isEqualTo(yuan("488000000.00"));
    }

    @Test
    void the_reserve_is_rounded_half_up_to_the_fen() {
        // ¥100.01 × 1.05 = ¥105.0105 → ¥105.01; 5% of it = ¥5.2505 → ¥5.25; P = ¥99.76
        PackageBudget budget = PackageBudget.compute(
                new BudgetInputs(yuan("100.01"), Money.ZERO, SignedMoney.ZERO), FIVE_PERCENT_GROWTH_FIVE_PERCENT_RESERVE);

        assertThat(budget.grownSpend()).isEqualTo(yuan("105.01"));
        assertThat(budget.riskReserve()).isEqualTo(yuan("5.25"));
        assertThat(budget.packageTotal()).isEqualTo(yuan("99.76"));
    }

    @Test
    void refuses_carve_outs_larger_than_what_is_left() {
        assertThatThrownBy(() -> PackageBudget.compute(
                new BudgetInputs(yuan("100.00"), yuan("200.00"), SignedMoney.ZERO), FIVE_PERCENT_GROWTH_FIVE_PERCENT_RESERVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carve-outs");
    }

    private static Money yuan(String amount) {
        return Money.ofYuan(amount);
    }

    @Test
    void half_year_closes_split_the_annual_package_by_the_first_half_share_and_add_up_to_it_to_the_fen() {
        BudgetParameters rules = new BudgetParameters(new BigDecimal("0.05"), new BigDecimal("0.05"), null, new BigDecimal("0.5"));

        // ¥1,000.01 × 0.5 = ¥500.005 → ¥500.01 (half up); the second half takes the rest, ¥500.00.
        assertThat(rules.halfYearPackage(Money.ofYuan("1000.01"), 1)).isEqualTo(Money.ofYuan("500.01"));
        assertThat(rules.halfYearPackage(Money.ofYuan("1000.01"), 2)).isEqualTo(Money.ofYuan("500.00"));
        // The worked example's P = ¥488.75m at 45 % for the first half: ¥219,937,500.00 and ¥268,812,500.00.
        BudgetParameters fortyFive = new BudgetParameters(new BigDecimal("0.05"), new BigDecimal("0.05"), null, new BigDecimal("0.45"));
        assertThat(fortyFive.halfYearPackage(Money.ofYuan("488750000.00"), 1)).isEqualTo(Money.ofYuan("219937500.00"));
        assertThat(fortyFive.halfYearPackage(Money.ofYuan("488750000.00"), 2)).isEqualTo(Money.ofYuan("268812500.00"));
        assertThatThrownBy(() -> FIVE_PERCENT_GROWTH_FIVE_PERCENT_RESERVE.halfYearPackage(Money.ofYuan("1.00"), 1))
                .hasMessageContaining("firstHalfShare");
    }
}
