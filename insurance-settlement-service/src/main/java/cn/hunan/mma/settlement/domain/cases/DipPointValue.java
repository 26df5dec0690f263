package cn.hunan.mma.settlement.domain.cases;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.List;

/** DIP point value (点值) = budget ÷ Σ(score × cases). */
public final class DipPointValue {

    private DipPointValue() {
    }

    public static BigDecimal of(Money budget, List<GroupVolume> volumes) {
        return of(budget, volumes.stream().map(GroupVolume::points).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The same from Σ points already summed (the stored cases' points). */
    public static BigDecimal of(Money budget, BigDecimal points) {
        if (points.signum() <= 0) {
            throw new IllegalArgumentException("no points to value: Σ(score × cases) is zero");
        }
        return Fractions.divide(budget.toBigDecimal(), points);
    }
}
