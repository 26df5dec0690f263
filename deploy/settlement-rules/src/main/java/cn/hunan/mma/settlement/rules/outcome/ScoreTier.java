package cn.hunan.mma.settlement.rules.outcome;

import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * Alliances scoring at least {@code minScore} keep {@code retainedShare} of their surplus
 * (≥90 → 100%, 80–90 → 80%, below 80 → 50% in the seed rules).
 */
public record ScoreTier(BigDecimal minScore, BigDecimal retainedShare) {

    public ScoreTier {
        Fractions.nonNegative(minScore, "minScore");
        Fractions.fraction(retainedShare, "retainedShare");
    }
}
