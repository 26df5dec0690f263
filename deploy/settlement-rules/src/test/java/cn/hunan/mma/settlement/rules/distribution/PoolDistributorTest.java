package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PoolDistributorTest {

    private static final Claimant COUNTY_HOSPITAL = claimant("430321H0001", "100", "90", false);
    private static final Claimant CENTRE = claimant("430321T0100", "100", "80", false);
    private static final Claimant TOWNSHIP = claimant("430321T0102", "50", "60", true);

    @Test
    void shares_follow_base_times_score() {
        // weights 9000 : 8000 : 3000 of ¥1,000
        PoolDistribution distribution = PoolDistributor.distribute(Money.ofYuan("1000.00"),
                List.of(TOWNSHIP, COUNTY_HOSPITAL, CENTRE), BigDecimal.ZERO);

        assertThat(distribution.allocations()).extracting(MemberAllocation::amount)
                .containsExactly(Money.ofYuan("450.00"), Money.ofYuan("400.00"), Money.ofYuan("150.00"));
    }

    @Test
    void a_primary_level_member_below_its_floor_gets_the_floor_and_the_rest_is_shared_again() {
        // floor 20% = ¥200 > ¥150: the township gets ¥200; ¥800 split 9000:8000 = ¥423.529… / ¥376.470…
        // → 42352 + 37647 fen, the last fen to the larger remainder (the county hospital).
        PoolDistribution distribution = PoolDistributor.distribute(Money.ofYuan("1000.00"),
                List.of(COUNTY_HOSPITAL, CENTRE, TOWNSHIP), new BigDecimal("0.20"));

        assertThat(distribution.allocations()).extracting(MemberAllocation::amount)
                .containsExactly(Money.ofYuan("423.53"), Money.ofYuan("376.47"), Money.ofYuan("200.00"));
        assertThat(distribution.allocations().get(2).heldAtFloor()).isTrue();
        assertThat(distribution.proportionalPool()).isEqualTo(Money.ofYuan("800.00"));
    }

    @Test
    void floors_that_exceed_the_pool_are_not_applied() {
        PoolDistribution distribution = PoolDistributor.distribute(Money.ofYuan("1000.00"),
                List.of(claimant("430321T0001", "1", "1", true), claimant("430321T0002", "1", "3", true)),
                new BigDecimal("0.6"));

        assertThat(distribution.floorsApplied()).isFalse();
        assertThat(distribution.allocations()).extracting(MemberAllocation::amount)
                .containsExactly(Money.ofYuan("250.00"), Money.ofYuan("750.00"));
    }

    @Test
    void the_explanation_states_the_formula_with_the_members_inputs() {
        PoolDistribution distribution = PoolDistributor.distribute(Money.ofYuan("1000.00"),
                List.of(COUNTY_HOSPITAL, CENTRE, TOWNSHIP), BigDecimal.ZERO);

        assertThat(distribution.allocations().get(0).explanation(distribution.proportionalPool(), distribution.weightSum()))
                .isEqualTo("1000.00 × (100 × 90) / 20000, rounded to the fen by largest remainder");
    }

    /** helper-120: with every base zero the pool is split equally, and the explanation said "× (0 × 86.93) / 0". */
    @Test
    void the_explanation_of_an_equal_split_says_every_weight_is_zero() {
        PoolDistribution distribution = PoolDistributor.distribute(Money.ofYuan("1000.00"),
                List.of(claimant("430321H0001", "0", "86.93", false), claimant("430321T0001", "0", "80", true),
                        claimant("430321T0002", "0", "80", true)), BigDecimal.ZERO);

        assertThat(distribution.allocations()).extracting(MemberAllocation::amount)
                .containsExactly(Money.ofYuan("333.34"), Money.ofYuan("333.33"), Money.ofYuan("333.33"));
        assertThat(distribution.allocations().get(1).explanation(distribution.proportionalPool(), distribution.weightSum()))
                .isEqualTo("every weight B × F is zero: 1000.00 split equally among the members sharing it,"
                        + " rounded to the fen by largest remainder");
    }

    @Test
    void the_fen_left_by_rounding_go_to_the_largest_remainders_then_in_id_order() {
        assertThat(LargestRemainder.split(Money.ofFen(10), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                .containsExactly(Money.ofFen(4), Money.ofFen(3), Money.ofFen(3));
        assertThat(LargestRemainder.split(Money.ofFen(100), List.of(new BigDecimal("1"), new BigDecimal("2"))))
                .containsExactly(Money.ofFen(33), Money.ofFen(67));
    }

    static Claimant claimant(String id, String base, String score, boolean primary) {
        return new Claimant(InstitutionId.of(id), new BigDecimal(base), new BigDecimal(score), primary);
    }
}
