package cn.hunan.mma.settlement.rules.close;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.distribution.MemberAllocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodSettlementTest {

    @Test
    void a_surplus_close_keeps_a_reserve_pays_the_tertiary_share_and_distributes_the_rest_to_the_fen() {
        PeriodSettlement settlement = PeriodSettlement.close(XiangtanClose.withActualSpend("470000000.00"));

        // retained ¥18.75m; reserve 10% = ¥1.875m; pool ¥16.875m; tertiary 0.2 × 0.6 × pool = ¥2.025m
        assertThat(settlement.retained()).isEqualTo(Money.ofYuan("18750000.00"));
        assertThat(settlement.reserve()).isEqualTo(Money.ofYuan("1875000.00"));
        assertThat(settlement.distributedPool()).isEqualTo(Money.ofYuan("16875000.00"));
        assertThat(settlement.tertiary().tertiaryPool()).isEqualTo(Money.ofYuan("2025000.00"));
        // members share ¥14.85m; the two township centres are above their 5% floor (¥742,500)
        assertThat(settlement.members().pool()).isEqualTo(Money.ofYuan("14850000.00"));
        assertThat(settlement.members().total()).isEqualTo(Money.ofYuan("14850000.00"));
        assertThat(settlement.members().allocations()).filteredOn(MemberAllocation::primaryLevel)
                .allSatisfy(allocation -> assertThat(allocation.amount()).isGreaterThan(Money.ofYuan("742500.00")));
    }

    @Test
    void an_overspend_close_distributes_nothing() {
        PeriodSettlement settlement = PeriodSettlement.close(XiangtanClose.withActualSpend("520000000.00"));

        assertThat(settlement.retained()).isEqualTo(Money.ZERO);
        assertThat(settlement.members().total()).isEqualTo(Money.ZERO);
        assertThat(settlement.tertiary().tertiaryPool()).isEqualTo(Money.ZERO);
    }
}
