package cn.hunan.mma.events.insurance;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Money;

import java.math.BigDecimal;

/**
 * One member's part of the retained pool: share = pool × (base × score) / Σ(base × score).
 *
 * @param base  the documented base B_j (covered population, workload points or fund contribution)
 * @param score the member's composite factor score F_j, frozen at close
 */
public record MemberShare(InstitutionId institutionId, BigDecimal base, BigDecimal score, Money amount) {

    public MemberShare {
        Checks.present(institutionId, "institutionId");
        Checks.present(base, "base");
        Checks.require(base.signum() >= 0, "base", "base must not be negative");
        score = Checks.scaled(score, "score", 2);
        Checks.require(score.signum() >= 0, "score", "score must not be negative");
        Checks.present(amount, "amount");
    }
}
