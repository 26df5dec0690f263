package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeRulesTest {

    private static final Money PACKAGE = Money.ofYuan("488750000.00");

    @Test
    void a_score_of_92_keeps_the_whole_18_75_million_surplus() {
        PeriodOutcome outcome = SeedOutcomeRules.seed()
                .settle(PACKAGE, Money.ofYuan("470000000.00"), new BigDecimal("92"), false);

        assertThat(outcome).isInstanceOfSatisfying(PeriodOutcome.Surplus.class, surplus -> {
            assertThat(surplus.surplus()).isEqualTo(Money.ofYuan("18750000.00"));
            assertThat(surplus.retained()).isEqualTo(Money.ofYuan("18750000.00"));
        });
    }

    @Test
    void a_score_between_80_and_90_keeps_80_percent_and_below_80_keeps_half() {
        PeriodOutcome eighty = SeedOutcomeRules.seed().settle(PACKAGE, Money.ofYuan("470000000.00"), new BigDecimal("85.5"), false);
        PeriodOutcome low = SeedOutcomeRules.seed().settle(PACKAGE, Money.ofYuan("470000000.00"), new BigDecimal("79.99"), false);

        assertThat(((PeriodOutcome.Surplus) eighty).retained()).isEqualTo(Money.ofYuan("15000000.00"));
        assertThat(((PeriodOutcome.Surplus) low).retained()).isEqualTo(Money.ofYuan("9375000.00"));
    }

    @Test
    void the_cap_limits_the_retained_surplus_to_a_share_of_the_package() {
        PeriodOutcome outcome = SeedOutcomeRules.withCap(Optional.of(new BigDecimal("0.03")))
                .settle(PACKAGE, Money.ofYuan("470000000.00"), new BigDecimal("92"), false);

        // 3% of ¥488.75m = ¥14.6625m < ¥18.75m
        assertThat(((PeriodOutcome.Surplus) outcome).retained()).isEqualTo(Money.ofYuan("14662500.00"));
        assertThat(((PeriodOutcome.Surplus) outcome).capped()).isTrue();
    }

    @Test
    void an_overspend_of_31_25_million_leaves_the_alliance_exactly_14_543_750() {
        PeriodOutcome outcome = SeedOutcomeRules.seed().settle(PACKAGE, Money.ofYuan("520000000.00"), new BigDecimal("92"), false);

        assertThat(outcome).isInstanceOfSatisfying(PeriodOutcome.Overspend.class, overspend -> {
            assertThat(overspend.overspend()).isEqualTo(Money.ofYuan("31250000.00"));
            // band to 5%: ¥24.4375m × 40% = ¥9.775m; band 5–10%: ¥6.8125m × 70% = ¥4.76875m
            assertThat(overspend.bands()).extracting(BandShare::amount)
                    .containsExactly(Money.ofYuan("24437500.00"), Money.ofYuan("6812500.00"));
            assertThat(overspend.bands()).extracting(BandShare::allianceBorne)
                    .containsExactly(Money.ofYuan("9775000.00"), Money.ofYuan("4768750.00"));
            assertThat(overspend.allianceBorne()).isEqualTo(Money.ofYuan("14543750.00"));
            assertThat(overspend.fundBorne()).isEqualTo(Money.ofYuan("16706250.00"));
        });
    }

    @Test
    void beyond_ten_percent_the_alliance_bears_all_unless_a_special_circumstance_is_approved() {
        // actual ¥548.75m: overspend ¥60m = ¥24.4375m + ¥24.4375m + ¥11.125m above 10%
        Money actual = Money.ofYuan("548750000.00");
        PeriodOutcome.Overspend plain = (PeriodOutcome.Overspend) SeedOutcomeRules.seed().settle(PACKAGE, actual, BigDecimal.TEN, false);
        PeriodOutcome.Overspend special = (PeriodOutcome.Overspend) SeedOutcomeRules.seed().settle(PACKAGE, actual, BigDecimal.TEN, true);

        // 9.775m + 17.10625m + 11.125m
        assertThat(plain.allianceBorne()).isEqualTo(Money.ofYuan("38006250.00"));
        // 9.775m + 17.10625m + 11.125m × 70% = 7.7875m
        assertThat(special.allianceBorne()).isEqualTo(Money.ofYuan("34668750.00"));
        assertThat(special.fundBorne().plus(special.allianceBorne())).isEqualTo(Money.ofYuan("60000000.00"));
    }
}
