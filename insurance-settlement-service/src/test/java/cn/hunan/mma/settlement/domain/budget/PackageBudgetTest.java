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
}
