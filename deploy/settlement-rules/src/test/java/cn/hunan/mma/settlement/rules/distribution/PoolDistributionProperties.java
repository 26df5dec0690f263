package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** For any members, bases, scores and floors: the pool is shared exactly, never negatively, floors kept. */
class PoolDistributionProperties {

    @Property(tries = 500)
    void member_shares_add_up_exactly_to_the_pool_and_none_is_negative(
            @ForAll @LongRange(min = 0, max = 5_000_000_000_00L) long poolFen,
            @ForAll("members") List<Claimant> members,
            @ForAll @BigRange(min = "0", max = "0.5") @Scale(3) BigDecimal floorShare) {
        PoolDistribution distribution = PoolDistributor.distribute(Money.ofFen(poolFen), members, floorShare);

        assertThat(distribution.total()).isEqualTo(Money.ofFen(poolFen));
        assertThat(distribution.allocations()).hasSize(members.size())
                .allSatisfy(allocation -> assertThat(allocation.amount().fen()).isNotNegative());
    }

    @Property(tries = 500)
    void primary_level_members_get_at_least_their_floor_when_the_floors_fit_in_the_pool(
            @ForAll @LongRange(min = 0, max = 5_000_000_000_00L) long poolFen,
            @ForAll("members") List<Claimant> members,
            @ForAll @BigRange(min = "0", max = "0.2") @Scale(3) BigDecimal floorShare) {
        Money pool = Money.ofFen(poolFen);
        Money floor = pool.times(floorShare, java.math.RoundingMode.DOWN);
        long primaries = members.stream().filter(Claimant::primaryLevel).count();

        PoolDistribution distribution = PoolDistributor.distribute(pool, members, floorShare);

        if (floor.fen() * primaries <= poolFen) {
            assertThat(distribution.allocations()).filteredOn(MemberAllocation::primaryLevel)
                    .allSatisfy(allocation -> assertThat(allocation.amount()).isGreaterThanOrEqualTo(floor));
        }
    }

    @Property(tries = 300)
    void tertiary_amounts_add_up_to_the_tertiary_pool_which_never_exceeds_alpha_of_the_pool(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_00L) long poolFen,
            @ForAll @BigRange(min = "0", max = "1") @Scale(2) BigDecimal alpha,
            @ForAll @BigRange(min = "0", max = "0.5") @Scale(4) BigDecimal baseline,
            @ForAll @BigRange(min = "0", max = "0.5") @Scale(4) BigDecimal current,
            @ForAll("partners") List<TertiaryPartner> partners) {
        DistributionRules rules = new DistributionRules(BigDecimal.ZERO, BigDecimal.ZERO, alpha, new BigDecimal("0.05"));

        TertiaryShare share = TertiaryShare.compute(Money.ofFen(poolFen), baseline, current, partners, rules);

        assertThat(share.partnerAmounts().stream().mapToLong(partner -> partner.amount().fen()).sum()).isEqualTo(share.tertiaryPool().fen());
        assertThat(share.tertiaryPool()).isLessThanOrEqualTo(Money.ofFen(poolFen).times(alpha, java.math.RoundingMode.HALF_UP));
    }

    @Provide
    Arbitrary<List<Claimant>> members() {
        Arbitrary<BigDecimal> bases = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000000")).ofScale(2);
        Arbitrary<BigDecimal> scores = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
        Arbitrary<Boolean> primary = Arbitraries.of(true, false);
        return Combinators.combine(bases, scores, primary).as(Member::new).list().ofMinSize(1).ofMaxSize(40)
                .map(PoolDistributionProperties::numbered);
    }

    @Provide
    Arbitrary<List<TertiaryPartner>> partners() {
        return Arbitraries.longs().between(0, 100_000).list().ofMaxSize(6).map(cases -> IntStream.range(0, cases.size())
                .mapToObj(i -> new TertiaryPartner(InstitutionId.of("430100H%04d".formatted(i)), cases.get(i))).toList());
    }

    private record Member(BigDecimal base, BigDecimal score, boolean primary) {
    }

    private static List<Claimant> numbered(List<Member> members) {
        return IntStream.range(0, members.size()).mapToObj(i -> new Claimant(
                InstitutionId.of("430321T%04d".formatted(i)), members.get(i).base(), members.get(i).score(),
                members.get(i).primary())).toList();
    }
}
