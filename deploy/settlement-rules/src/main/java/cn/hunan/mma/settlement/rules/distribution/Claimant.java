package cn.hunan.mma.settlement.rules.distribution;

import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A member institution's claim on the retained pool.
 *
 * @param base         B_j: the documented base (covered population, workload points or fund contribution)
 * @param score        F_j: the member's composite factor score, frozen at close
 * @param primaryLevel a village or township member, which the area may guarantee a floor
 */
public record Claimant(InstitutionId institutionId, BigDecimal base, BigDecimal score, boolean primaryLevel) {

    public Claimant {
        Objects.requireNonNull(institutionId, "institutionId");
        Fractions.nonNegative(base, "base");
        Fractions.nonNegative(score, "score");
    }

    public BigDecimal weight() {
        return base.multiply(score);
    }
}
