package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.settlement.rules.close.CloseRules;
import cn.hunan.mma.settlement.rules.close.SeedCloseRules;

import java.math.BigDecimal;
import java.util.Optional;

/** The tiers and bands of DOMAIN.md §7 ({@link SeedCloseRules}), as tests use them. */
final class SeedOutcomeRules {

    private SeedOutcomeRules() {
    }

    static OutcomeRules withCap(Optional<BigDecimal> cap) {
        CloseRules seed = SeedCloseRules.DOMAIN_SEED;
        return new OutcomeRules(seed.tiers(), cap, seed.bands(), seed.specialCircumstanceAllianceShare());
    }

    static OutcomeRules seed() {
        return withCap(Optional.empty());
    }
}
