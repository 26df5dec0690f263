package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TertiaryShareTest {

    private static final DistributionRules RULES = new DistributionRules(new BigDecimal("0.10"), BigDecimal.ZERO,
            new BigDecimal("0.20"), new BigDecimal("0.05"));
    private static final List<TertiaryPartner> PARTNERS = List.of(
            new TertiaryPartner(InstitutionId.of("430302H0001"), 300), new TertiaryPartner(InstitutionId.of("430105H0001"), 100));

    @Test
    void a_fall_of_three_points_against_a_five_point_target_pays_sixty_percent_of_alpha() {
        // ΔR = 15% − 12% = 3 points; f = 3/5 = 0.6; ¥1m × 0.2 × 0.6 = ¥120,000 split 300:100
        TertiaryShare share = TertiaryShare.compute(Money.ofYuan("1000000.00"), new BigDecimal("0.15"),
                new BigDecimal("0.12"), PARTNERS, RULES);

        assertThat(share.improvement()).isEqualByComparingTo("0.6");
        assertThat(share.tertiaryPool()).isEqualTo(Money.ofYuan("120000.00"));
        assertThat(share.partnerAmounts()).extracting(PartnerAmount::institutionId, PartnerAmount::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(InstitutionId.of("430105H0001"), Money.ofYuan("30000.00")),
                org.assertj.core.groups.Tuple.tuple(InstitutionId.of("430302H0001"), Money.ofYuan("90000.00")));
    }

    @Test
    void no_improvement_pays_nothing_and_beyond_the_target_pays_alpha() {
        TertiaryShare worse = TertiaryShare.compute(Money.ofYuan("1000000.00"), new BigDecimal("0.12"),
                new BigDecimal("0.13"), PARTNERS, RULES);
        TertiaryShare far = TertiaryShare.compute(Money.ofYuan("1000000.00"), new BigDecimal("0.20"),
                new BigDecimal("0.10"), PARTNERS, RULES);

        assertThat(worse.tertiaryPool()).isEqualTo(Money.ZERO);
        assertThat(far.tertiaryPool()).isEqualTo(Money.ofYuan("200000.00"));
    }
}
