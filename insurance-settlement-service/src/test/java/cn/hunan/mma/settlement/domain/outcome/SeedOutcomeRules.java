package cn.hunan.mma.settlement.domain.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The tiers and bands of DOMAIN.md §7, as tests use them. */
final class SeedOutcomeRules {

    private SeedOutcomeRules() {
    }

    static OutcomeRules withCap(Optional<BigDecimal> cap) {
        return new OutcomeRules(
                List.of(new ScoreTier(new BigDecimal("90"), BigDecimal.ONE),
                        new ScoreTier(new BigDecimal("80"), new BigDecimal("0.8")),
                        new ScoreTier(BigDecimal.ZERO, new BigDecimal("0.5"))),
                cap,
                List.of(new OverspendBand(new BigDecimal("0.05"), new BigDecimal("0.40")),
                        new OverspendBand(new BigDecimal("0.10"), new BigDecimal("0.70"))),
                new BigDecimal("0.70"));
    }

    static OutcomeRules seed() {
        return withCap(Optional.empty());
    }
}
