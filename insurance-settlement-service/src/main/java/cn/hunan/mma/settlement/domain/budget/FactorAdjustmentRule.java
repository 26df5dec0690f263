package cn.hunan.mma.settlement.domain.budget;

import cn.hunan.mma.events.value.Money;
import cn.hunan.mma.events.value.SignedMoney;
import cn.hunan.mma.settlement.rules.Fractions;

import java.math.BigDecimal;

/**
 * The factor method's adjustment of a package (因素法调整), a local rule: the alliance's composite
 * score of the base year against a reference score moves the package by a share of the grown spend
 * per point, within a cap either way:
 * {@code adjustment = clamp(grown × ratePerPoint × (score − referenceScore), ±grown × capRate)},
 * rounded once to the fen, half-up. An alliance scoring above the reference gets more, below less.
 *
 * @param ratePerPoint   share of the grown spend per score point (0.001 for 0.1% a point)
 * @param referenceScore the score at which the package is not adjusted (0–100)
 * @param capRate        the largest adjustment either way, as a share of the grown spend
 */
public record FactorAdjustmentRule(BigDecimal ratePerPoint, BigDecimal referenceScore, BigDecimal capRate) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public FactorAdjustmentRule {
        Fractions.fraction(ratePerPoint, "ratePerPoint");
        Fractions.nonNegative(referenceScore, "referenceScore");
        if (referenceScore.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("referenceScore must be at most 100");
        }
        Fractions.fraction(capRate, "capRate");
    }

    /** The largest adjustment either way: the grown spend × {@code capRate}, unrounded. */
    private BigDecimal cap(Money grownSpend) {
        return grownSpend.toBigDecimal().multiply(capRate);
    }

    /** The cap to the fen, as the computed adjustment is rounded: the most a typed one may be either way. */
    public BigDecimal capToTheFen(Money grownSpend) {
        return cap(grownSpend).setScale(2, Fractions.MONEY_ROUNDING);
    }

    /** Whether a typed adjustment stays within the cap the computed one is held to (any computed one is allowed). */
    public boolean allows(SignedMoney typed, Money grownSpend) {
        return typed.toBigDecimal().abs().compareTo(capToTheFen(grownSpend)) <= 0;
    }

    public SignedMoney adjustment(Money grownSpend, BigDecimal score) {
        Fractions.nonNegative(score, "score");
        BigDecimal grown = grownSpend.toBigDecimal();
        BigDecimal raw = grown.multiply(ratePerPoint).multiply(score.subtract(referenceScore));
        BigDecimal cap = cap(grownSpend);
        BigDecimal capped = raw.max(cap.negate()).min(cap);
        return SignedMoney.ofYuan(capped.setScale(2, Fractions.MONEY_ROUNDING));
    }
}
