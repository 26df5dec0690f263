package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shares a pool among members by B × F with floors for primary-level members. A member whose
 * proportional share would fall below its floor is held at the floor and the rest is shared again
 * among the others, until no one else falls below; floors that together exceed the pool are not
 * applied at all (the distribution says so). Members are ordered by institution id, so the fen
 * left by rounding always go to the same members.
 */
public final class PoolDistributor {

    private PoolDistributor() {
    }

    public static PoolDistribution distribute(Money pool, List<Claimant> members, BigDecimal primaryFloorShare) {
        List<Claimant> ordered = members.stream()
                .sorted(Comparator.comparing(claimant -> claimant.institutionId().value())).toList();
        if (ordered.stream().map(Claimant::institutionId).distinct().count() != ordered.size()) {
            throw new IllegalArgumentException("a member appears twice");
        }
        // Rounded down so that the floors never promise more fen than the pool holds.
        Money floor = pool.times(primaryFloorShare, RoundingMode.DOWN);
        long floorsTotal = ordered.stream().filter(Claimant::primaryLevel).count() * floor.fen();
        boolean floorsApplied = !floor.isZero() && floorsTotal <= pool.fen();
        Money effectiveFloor = floorsApplied ? floor : Money.ZERO;

        Set<Claimant> held = floorsApplied ? holdAtFloor(pool, ordered, effectiveFloor) : Set.of();
        List<Claimant> sharing = ordered.stream().filter(claimant -> !held.contains(claimant)).toList();
        Money proportionalPool = pool.minus(effectiveFloor.times(held.size()));
        BigDecimal weightSum = sharing.stream().map(Claimant::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Money> shares = LargestRemainder.split(proportionalPool, sharing.stream().map(Claimant::weight).toList());

        List<MemberAllocation> allocations = new ArrayList<>();
        int next = 0;
        for (Claimant claimant : ordered) {
            Money memberFloor = claimant.primaryLevel() ? effectiveFloor : Money.ZERO;
            boolean atFloor = held.contains(claimant);
            Money amount = atFloor ? effectiveFloor : shares.get(next++);
            allocations.add(new MemberAllocation(claimant.institutionId(), claimant.base(), claimant.score(),
                    claimant.primaryLevel(), claimant.weight(), memberFloor, atFloor, amount));
        }
        return new PoolDistribution(pool, floorsApplied, proportionalPool, weightSum, allocations);
    }

    private static Set<Claimant> holdAtFloor(Money pool, List<Claimant> ordered, Money floor) {
        Set<Claimant> held = new HashSet<>();
        while (true) {
            List<Claimant> sharing = ordered.stream().filter(claimant -> !held.contains(claimant)).toList();
            if (sharing.isEmpty()) {
                return held;
            }
            BigDecimal remaining = BigDecimal.valueOf(pool.fen() - floor.fen() * held.size());
            BigDecimal weightSum = sharing.stream().map(Claimant::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Claimant> below = sharing.stream()
                    .filter(Claimant::primaryLevel)
                    .filter(claimant -> proportionalFen(remaining, claimant, weightSum, sharing.size())
                            .compareTo(BigDecimal.valueOf(floor.fen())) < 0)
                    .toList();
            // Feasible floors cannot put every remaining member below its floor; the second test
            // only keeps someone to take the proportional pool should rounding ever suggest otherwise.
            if (below.isEmpty() || below.size() == sharing.size()) {
                return held;
            }
            held.addAll(below);
        }
    }

    // B × F share of what is left; with no weight at all the pool is split equally, as LargestRemainder does.
    private static BigDecimal proportionalFen(BigDecimal remaining, Claimant claimant, BigDecimal weightSum, int sharing) {
        if (weightSum.signum() == 0) {
            return remaining.divide(BigDecimal.valueOf(sharing), 20, RoundingMode.DOWN);
        }
        return remaining.multiply(claimant.weight()).divide(weightSum, 20, RoundingMode.DOWN);
    }
}
