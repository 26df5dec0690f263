package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The member pool split among members: {@code share_j = pool' × (B_j × F_j) / Σ(B_k × F_k)} over
 * the members not held at their floor, where pool' is the pool less the floors paid.
 *
 * @param floorsApplied    false when the floors together exceed the pool, so none was applied
 * @param proportionalPool pool' (the part shared in proportion to B × F)
 * @param weightSum        Σ(B × F) over the members sharing pool'
 */
public record PoolDistribution(Money pool, boolean floorsApplied, Money proportionalPool, BigDecimal weightSum,
                               List<MemberAllocation> allocations) {

    public PoolDistribution {
        allocations = List.copyOf(allocations);
    }

    public Money total() {
        return allocations.stream().map(MemberAllocation::amount).reduce(Money.ZERO, Money::plus);
    }
}
